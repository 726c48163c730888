package io.sensoretl.contract;

import com.fasterxml.jackson.core.JsonPointer;

/**
 * Where a value of the canonical reading comes from in a source record: a JSON pointer into a JSON
 * record, a column of a delimited row (by header name or 1-based position), or a constant.
 */
public sealed interface FieldRef {

    /** Human-readable form used in reject details, e.g. {@code /device/id} or {@code column "CO(GT)"}. */
    String describe();

    record Pointer(JsonPointer pointer) implements FieldRef {
        @Override
        public String describe() {
            return pointer.toString();
        }
    }

    record Column(String name, int position) implements FieldRef {
        /** @param position 1-based column position, or 0 when the column is found by header name */
        public Column {
            if (name == null && position < 1) {
                throw new IllegalArgumentException("a column needs a name or a position >= 1");
            }
        }

        @Override
        public String describe() {
            return name != null ? "column \"" + name + "\"" : "column #" + position;
        }
    }

    record Constant(String value) implements FieldRef {
        @Override
        public String describe() {
            return "constant \"" + value + "\"";
        }
    }
}
