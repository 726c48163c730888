package io.sensoretl.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;

/**
 * Walks one JSON value token by token and keeps only the values a {@link JsonFieldPlan} asks for;
 * everything else is skipped without being materialised. The parser still sees every token, so
 * syntax errors, invalid UTF-8 and duplicate keys are found exactly as when reading a whole tree.
 * Captured values are the same node types a tree read would produce.
 */
final class JsonFieldExtractor {
    private JsonFieldExtractor() {}

    /** Called with the parser on START_OBJECT; returns with it on the matching END_OBJECT. */
    static void object(JsonParser p, JsonFieldPlan.Node node, JsonNode[] out) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken t = p.nextToken();
            JsonFieldPlan.Node child = node.children.get(name);
            if (child == null) {
                p.skipChildren();
            } else {
                value(p, t, child, out);
            }
        }
    }

    private static void array(JsonParser p, JsonFieldPlan.Node node, JsonNode[] out) throws IOException {
        int index = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            JsonFieldPlan.Node child = node.children.get(Integer.toString(index++));
            if (child == null) {
                p.skipChildren();
            } else {
                value(p, t, child, out);
            }
        }
    }

    private static void value(JsonParser p, JsonToken t, JsonFieldPlan.Node node, JsonNode[] out) throws IOException {
        if (node.slot >= 0) {
            out[node.slot] = capture(p, t);
        } else if (t == JsonToken.START_OBJECT) {
            object(p, node, out);
        } else if (t == JsonToken.START_ARRAY) {
            array(p, node, out);
        }
        // a scalar where the plan expects to descend: the wanted fields are absent
    }

    private static JsonNode capture(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> IntNode.valueOf(p.getIntValue());
                case LONG -> LongNode.valueOf(p.getLongValue());
                default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> DoubleNode.valueOf(p.getDoubleValue());
            case VALUE_TRUE -> BooleanNode.TRUE;
            case VALUE_FALSE -> BooleanNode.FALSE;
            case START_OBJECT, START_ARRAY -> JsonLineDecoder.MAPPER.readTree(p);
            default -> null; // VALUE_NULL: absent, as for a tree read
        };
    }
}
