package io.sensoretl.parquet;

import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/** Field-writing helpers shared by the write supports; a null value means "field absent". */
final class Fields {
    private Fields() {}

    static void string(RecordConsumer out, String name, int index, String value) {
        if (value == null) {
            return;
        }
        out.startField(name, index);
        out.addBinary(Binary.fromString(value));
        out.endField(name, index);
    }

    static void string(RecordConsumer out, String name, int index, String value, StringBinaries binaries) {
        if (value == null) {
            return;
        }
        out.startField(name, index);
        out.addBinary(binaries.of(value));
        out.endField(name, index);
    }

    static void optionalDouble(RecordConsumer out, String name, int index, Double value) {
        if (value == null) {
            return;
        }
        out.startField(name, index);
        out.addDouble(value);
        out.endField(name, index);
    }

    static void longValue(RecordConsumer out, String name, int index, long value) {
        out.startField(name, index);
        out.addLong(value);
        out.endField(name, index);
    }
}
