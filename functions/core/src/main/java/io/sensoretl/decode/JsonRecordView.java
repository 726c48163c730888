package io.sensoretl.decode;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.contract.FieldRef;
import io.sensoretl.reading.RejectReason;

/** A JSON object record; fields are found by JSON pointer. */
public final class JsonRecordView implements RecordView {
    private JsonNode root;
    private JsonFieldPlan plan;
    private JsonNode[] captured;

    /** A record read as a whole tree. */
    public JsonRecordView reset(JsonNode root) {
        this.root = root;
        this.plan = null;
        this.captured = null;
        return this;
    }

    /** A record streamed through a plan: only the plan's fields were kept. */
    JsonRecordView reset(JsonFieldPlan plan, JsonNode[] captured) {
        this.root = null;
        this.plan = plan;
        this.captured = captured;
        return this;
    }

    private JsonNode node(FieldRef ref) {
        if (ref instanceof FieldRef.Pointer p) {
            JsonNode n;
            if (root != null) {
                n = root.at(p.pointer());
            } else {
                int slot = plan.slot(p.pointer());
                if (slot < 0) {
                    throw new IllegalStateException(ref.describe() + " is not in the record's field plan");
                }
                n = captured[slot];
            }
            return n == null || n.isMissingNode() || n.isNull() ? null : n;
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
                throw notFinite(ref, n.asText());
            }
            return d;
        }
        if (n.isTextual()) {
            return n.textValue().isBlank() ? null : Numbers.parse(n.textValue(), '.', ref.describe());
        }
        throw notANumber(ref, n.getNodeType().name().toLowerCase(java.util.Locale.ROOT), n.toString());
    }

    /** A number field holding NaN or an infinity ({@code text} as the number prints). */
    public static FieldError notFinite(FieldRef ref, String text) {
        return new FieldError(RejectReason.NOT_FINITE, ref.describe() + ": expected a finite number, found " + text);
    }

    /** A number field holding a value of another JSON type ({@code json}: the value as JSON text). */
    public static FieldError notANumber(FieldRef ref, String type, String json) {
        return new FieldError(RejectReason.WRONG_TYPE, ref.describe() + ": expected a number, found " + type + " "
                + Numbers.abbreviate(json));
    }

    private static String kind(JsonNode n) {
        String text = n.toString();
        return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + Numbers.abbreviate(text);
    }
}
