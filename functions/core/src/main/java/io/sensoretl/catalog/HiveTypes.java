package io.sensoretl.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Derives catalog (Hive/Athena) column types from the Parquet schema the writers use, so the table
 * definition cannot drift from the files. Only the shapes our schemas use are supported; anything
 * else fails loudly rather than registering a column Athena would misread.
 */
public final class HiveTypes {
    private HiveTypes() {}

    public static List<Column> columns(MessageType schema) {
        List<Column> out = new ArrayList<>();
        for (Type field : schema.getFields()) {
            out.add(new Column(field.getName(), typeOf(field)));
        }
        return out;
    }

    static String typeOf(Type field) {
        LogicalTypeAnnotation logical = field.getLogicalTypeAnnotation();
        if (!field.isPrimitive()) {
            GroupType group = field.asGroupType();
            if (logical instanceof LogicalTypeAnnotation.MapLogicalTypeAnnotation) {
                GroupType kv = group.getType(0).asGroupType();
                return "map<" + typeOf(kv.getType(0)) + "," + typeOf(kv.getType(1)) + ">";
            }
            throw unsupported(field);
        }
        PrimitiveType p = field.asPrimitiveType();
        return switch (p.getPrimitiveTypeName()) {
            case BINARY -> {
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
                    yield "string";
                }
                throw unsupported(field);
            }
            case INT64 -> logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation ? "timestamp" : "bigint";
            case INT32 -> "int";
            case DOUBLE -> "double";
            case FLOAT -> "float";
            case BOOLEAN -> "boolean";
            default -> throw unsupported(field);
        };
    }

    private static IllegalArgumentException unsupported(Type field) {
        return new IllegalArgumentException("Parquet field " + field + " has no catalog type mapping");
    }
}
