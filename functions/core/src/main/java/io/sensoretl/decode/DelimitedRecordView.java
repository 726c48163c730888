package io.sensoretl.decode;

import io.sensoretl.contract.FieldRef;
import io.sensoretl.reading.RejectReason;
import java.util.List;
import java.util.Map;

/** A delimited row; fields are found by header name or by 1-based position. */
public final class DelimitedRecordView implements RecordView {
    private final Map<String, Integer> header;
    private final char decimalSeparator;
    private List<String> fields;

    /** @param header column name to 0-based index; empty when the dump has no header row */
    public DelimitedRecordView(Map<String, Integer> header, char decimalSeparator) {
        this.header = header;
        this.decimalSeparator = decimalSeparator;
    }

    Map<String, Integer> header() {
        return header;
    }

    public DelimitedRecordView reset(List<String> fields) {
        this.fields = fields;
        return this;
    }

    private String raw(FieldRef ref) throws FieldError {
        if (ref instanceof FieldRef.Constant c) {
            return c.value();
        }
        if (!(ref instanceof FieldRef.Column col)) {
            throw new IllegalStateException(ref.describe() + " cannot address a delimited row");
        }
        int index;
        if (col.name() != null) {
            Integer i = header.get(col.name());
            if (i == null) {
                throw new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": no such column in the header");
            }
            index = i;
        } else {
            index = col.position() - 1;
        }
        if (index >= fields.size()) {
            return null;
        }
        String v = fields.get(index).trim();
        return v.isEmpty() ? null : v;
    }

    @Override
    public String string(FieldRef ref) throws FieldError {
        return raw(ref);
    }

    @Override
    public Double number(FieldRef ref) throws FieldError {
        String v = raw(ref);
        if (v == null) {
            return null;
        }
        char sep = ref instanceof FieldRef.Constant ? '.' : decimalSeparator;
        return Numbers.parse(v, sep, ref.describe());
    }
}
