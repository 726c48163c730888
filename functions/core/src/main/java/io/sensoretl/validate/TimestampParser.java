package io.sensoretl.validate;

import io.sensoretl.contract.FieldRef;
import io.sensoretl.contract.TimeEncoding;
import io.sensoretl.contract.TimestampSpec;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** Reads a record's time as UTC microseconds, the way the contract describes it. */
public final class TimestampParser {
    /** Sensors do not report from before 1970 or far in the future; such values are unit mistakes. */
    private static final long MIN_MICROS = 0L;
    private static final long MAX_MICROS = Reading.micros(Instant.parse("2200-01-01T00:00:00Z"));

    private final TimestampSpec spec;
    /** The contract's zone; a region with fixed rules ("UTC") as its offset, which parses without a rules lookup. */
    private final ZoneId zone;
    private final StringBuilder joined = new StringBuilder(32);

    public TimestampParser(TimestampSpec spec) {
        this.spec = spec;
        this.zone = spec.zone().normalized();
    }

    /** Whether a parsed time is plausible for a sensor reading (1970 to 2200). */
    public static boolean inRange(long micros) {
        return micros >= MIN_MICROS && micros < MAX_MICROS;
    }

    /** An epoch number in the contract's unit as microseconds, rounded as the reference does. */
    public static long epochMicros(double v, long microsPerUnit) {
        return Math.round(v * microsPerUnit);
    }

    /** Microseconds per unit of an epoch encoding, or 0 for text encodings. */
    public static long microsPerUnit(TimeEncoding encoding) {
        return switch (encoding) {
            case EPOCH_SECONDS -> 1_000_000L;
            case EPOCH_MILLIS -> 1_000L;
            case EPOCH_MICROS -> 1L;
            case ISO8601, PATTERN -> 0L;
        };
    }

    /** The missing_field error of a single-field timestamp. */
    public FieldError missing() {
        return new FieldError(RejectReason.MISSING_FIELD, spec.fields().get(0).describe() + ": timestamp is missing");
    }

    public long micros(RecordView record) throws FieldError {
        return switch (spec.encoding()) {
            case EPOCH_SECONDS, EPOCH_MILLIS, EPOCH_MICROS -> epoch(record, microsPerUnit(spec.encoding()));
            case ISO8601, PATTERN -> text(record);
        };
    }

    private long epoch(RecordView record, long microsPerUnit) throws FieldError {
        FieldRef ref = spec.fields().get(0);
        Double v;
        try {
            v = record.number(ref);
        } catch (FieldError e) {
            throw new FieldError(RejectReason.UNPARSEABLE_TIMESTAMP, e.getMessage());
        }
        if (v == null) {
            throw missing();
        }
        return checkRange(epochMicros(v, microsPerUnit), ref.describe(), String.valueOf(v));
    }

    private long text(RecordView record) throws FieldError {
        String text;
        if (spec.fields().size() == 1) {
            text = record.string(spec.fields().get(0));
            if (text == null) {
                throw missing();
            }
        } else {
            joined.setLength(0);
            for (FieldRef ref : spec.fields()) {
                String part = record.string(ref);
                if (part == null) {
                    throw new FieldError(RejectReason.MISSING_FIELD, ref.describe() + ": timestamp part is missing");
                }
                if (!joined.isEmpty()) {
                    joined.append(' ');
                }
                joined.append(part.trim());
            }
            text = joined.toString();
        }
        long micros = spec.encoding() == TimeEncoding.ISO8601 ? iso(text.trim()) : pattern(text.trim());
        return checkRange(micros, describeFields(), text);
    }

    private long iso(String text) throws FieldError {
        long fast = Iso8601.parseMicros(text, zone);
        if (fast != Iso8601.UNPARSED) {
            return fast;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = t instanceof OffsetDateTime o ? o.toInstant() : ((LocalDateTime) t).atZone(spec.zone()).toInstant();
            return Reading.micros(instant);
        } catch (DateTimeException | ArithmeticException e) {
            throw unparseableIso(text);
        }
    }

    private long pattern(String text) throws FieldError {
        try {
            TemporalAccessor t = spec.formatter().parse(text);
            Instant instant = t.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(t).toInstant()
                    : LocalDateTime.from(t).atZone(spec.zone()).toInstant();
            return Reading.micros(instant);
        } catch (DateTimeException | ArithmeticException e) {
            throw unparseable(text, "the pattern \"" + spec.pattern() + "\"");
        }
    }

    /** The unparseable_timestamp error of an ISO-8601 text (trimmed, as parsed). */
    public FieldError unparseableIso(String trimmedText) {
        return unparseable(trimmedText, "an ISO-8601 date-time such as 2024-03-01T10:15:30Z");
    }

    /** The error of a text timestamp that parsed to a time outside 1970..2200 ({@code text} as the record holds it). */
    public FieldError outOfRange(String text) {
        return new FieldError(RejectReason.UNPARSEABLE_TIMESTAMP, describeFields() + ": " + abbreviate(text)
                + " is outside 1970..2200 (wrong epoch unit?)");
    }

    private FieldError unparseable(String text, String expected) {
        return new FieldError(RejectReason.UNPARSEABLE_TIMESTAMP,
                describeFields() + ": expected " + expected + ", found \"" + abbreviate(text) + "\"");
    }

    private long checkRange(long micros, String field, String text) throws FieldError {
        if (!inRange(micros)) {
            throw new FieldError(RejectReason.UNPARSEABLE_TIMESTAMP, field + ": " + abbreviate(text)
                    + " is outside 1970..2200 (wrong epoch unit?)");
        }
        return micros;
    }

    private String describeFields() {
        if (spec.fields().size() == 1) {
            return spec.fields().get(0).describe();
        }
        StringBuilder sb = new StringBuilder();
        for (FieldRef f : spec.fields()) {
            sb.append(sb.isEmpty() ? "" : " + ").append(f.describe());
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
