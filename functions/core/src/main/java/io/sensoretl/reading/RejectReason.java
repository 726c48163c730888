package io.sensoretl.reading;

/**
 * Why a record was rejected. The {@link #code()} strings are a public interface: they are stored in the
 * rejects table, counted in metrics and run summaries, so existing codes never change meaning.
 */
public enum RejectReason {
    /** The record is not well-formed JSON (or the JSON array element is broken). */
    MALFORMED_JSON("malformed_json"),
    /** A delimited row has a different number of fields than the header, or a broken quote. */
    MALFORMED_ROW("malformed_row"),
    /** The record's bytes are not valid UTF-8. */
    INVALID_ENCODING("invalid_encoding"),
    /** The same JSON object has a key twice, so its meaning is ambiguous. */
    DUPLICATE_KEY("duplicate_key"),
    /** A field the contract requires is absent, null or empty. */
    MISSING_FIELD("missing_field"),
    /** A field has the wrong JSON type or a number does not parse. */
    WRONG_TYPE("wrong_type"),
    /** NaN or Infinity where a finite number is required. */
    NOT_FINITE("not_finite"),
    /** The timestamp does not parse with the contract's pattern or epoch unit. */
    UNPARSEABLE_TIMESTAMP("unparseable_timestamp"),
    /** The value is the contract's missing-value sentinel (e.g. -200). */
    MISSING_VALUE("missing_value"),
    /** The value is outside the metric's valid range (after unit conversion). */
    OUT_OF_RANGE("out_of_range"),
    /** The unit is not the metric's canonical unit and no conversion is known. */
    UNKNOWN_UNIT("unknown_unit"),
    /** The metric is not one the contract lists (only when the contract restricts metrics). */
    UNKNOWN_METRIC("unknown_metric"),
    /** A reading with the same dedupe key was already seen in this chunk. */
    DUPLICATE("duplicate"),
    /** The record is longer than the contract's maximum record size. */
    TOO_LONG("too_long"),
    /** A latitude or longitude outside [-90, 90] / [-180, 180]. */
    INVALID_COORDINATE("invalid_coordinate"),
    /** The compressed input ended early; the bytes after this point are missing. */
    TRUNCATED_INPUT("truncated_input"),
    /** The compressed input is corrupt (bad deflate data, CRC or length mismatch, bad member header); nothing after this point can be read. */
    CORRUPT_INPUT("corrupt_input"),
    /** Bytes after the last gzip member that are not a gzip member. */
    TRAILING_GARBAGE("trailing_garbage"),
    /** A control or invisible format character (NUL, CR, LF, TAB, bidi overrides, zero-width...) in an identifier or attribute. */
    INVALID_CHARACTER("invalid_character"),
    /** A carriage return not followed by a line feed: the file uses CR-only line ends (classic Mac OS). */
    CR_LINE_ENDS("cr_line_ends");

    private final String code;

    RejectReason(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static RejectReason ofCode(String code) {
        for (RejectReason r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown reject reason code '" + code + "'");
    }
}
