package io.sensoretl.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.reading.RejectReason;

/** A JSON object record; fields are found by JSON pointer. */
public final class JsonRecordView implements RecordView {
    private JsonNode root;

    public JsonRecordView reset(JsonNode root) {
        this.root = root;
        return this;
    }

    private JsonNode node(FieldRef ref) {
        if (ref instanceof FieldRef.Pointer p) {
            JsonNode n = root.at(p.pointer());
            return n.isMissingNode() || n.isNull() ? null : n;
        }
        throw new IllegalStateException(ref.describe() + " cannot address a JSON record");
    }

    @Override
    public String string(FieldRef ref) throws FieldError {
        if (ref instanceof FieldRef.Constant c) {
            return c.value();
        }
        JsonNode n = node(ref);
        if (n == null) {
            return null;
        }
        if (n.isTextual()) {
            String s = n.textValue();
            return s.isEmpty() ? null : s;
        }
        if (n.isIntegralNumber()) {
            // numeric ids are common; their text form is the id
            return n.asText();
        }
        throw new FieldError(RejectReason.WRONG_TYPE, ref.describe() + ": expected a string, found " + kind(n));
    }

    @Override
    public Double number(FieldRef ref) throws FieldError {
        if (ref instanceof FieldRef.Constant c) {
            return Numbers.parse(c.value(), '.', ref.describe());
        }
        JsonNode n = node(ref);
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                throw new FieldError(RejectReason.NOT_FINITE, ref.describe() + ": expected a finite number, found " + n.asText());
            }
            return d;
        }
        if (n.isTextual()) {
            return n.textValue().isBlank() ? null : Numbers.parse(n.textValue(), '.', ref.describe());
        }
        throw new FieldError(RejectReason.WRONG_TYPE, ref.describe() + ": expected a number, found " + kind(n));
    }

    private static String kind(JsonNode n) {
        String text = n.toString();
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + Numbers.abbreviate(text);
    }
}
