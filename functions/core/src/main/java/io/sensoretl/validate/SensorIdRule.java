package io.sensoretl.validate;

import io.sensoretl.contract.FieldRef;
import io.sensoretl.decode.FieldError;
import io.sensoretl.reading.RejectReason;

/**
 * A reading's sensor id: present, trimmed, not blank, at most {@value #MAX_ID_CHARS} characters, no control or invisible
 * format character ({@link CharacterRules}). A pure
 * function of the field's text, so the columnar path applies it once per distinct id and remembers the
 * outcome.
 */
public final class SensorIdRule {
    public static final int MAX_ID_CHARS = 256;

    private final FieldRef ref;

    public SensorIdRule(FieldRef ref) {
        this.ref = ref;
    }

    /**
     * The id to store for the field's text ({@code null} when the field is absent, null or empty).
     *
     * @throws FieldError missing_field when absent or blank, too_long when longer than the limit,
     *     invalid_character for a control or format character
     */
    public String check(String text) throws FieldError {
        if (text == null) {
            throw new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": sensor id is missing");
        }
        String id = text.trim();
        if (id.isEmpty()) {
            throw new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": sensor id is blank");
        }
        if (id.length() > MAX_ID_CHARS) {
            throw new FieldError(RejectReason.TOO_LONG, ref.describe() + ": sensor id is "
                    + id.length() + " characters, more than " + MAX_ID_CHARS);
        }
        ReadingMapper.identifier(id, ref, "sensor id");
        return id;
    }
}
