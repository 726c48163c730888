package io.sensoretl.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The types a query parameter can declare, and how a value given on the command line becomes a SQL
 * literal that means the same in Trino and DuckDB. Values are validated, never pasted: a string is
 * quoted with its quotes doubled, a number must be a number.
 */
public enum ParamType {
    /** A day, {@code YYYY-MM-DD}; rendered as a string literal because the partition column dt is a string. */
    DATE("date", "a day as YYYY-MM-DD, e.g. 2024-03-01") {
        @Override
        String literal(String value) {
            try {
                LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(expected);
            }
            return quote(value);
        }
    },
    STRING("string", "any text") {
        @Override
        String literal(String value) {
            return quote(value);
        }
    },
    INTEGER("integer", "a whole number, e.g. 30") {
        @Override
        String literal(String value) {
            if (!value.matches("[+-]?\\d{1,18}")) {
                throw new IllegalArgumentException(expected);
            }
            return Long.toString(Long.parseLong(value));
        }
    },
    NUMBER("number", "a number, e.g. 27.5 or -3") {
        @Override
        String literal(String value) {
            if (!value.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new IllegalArgumentException(expected);
            }
            // a double literal in both engines (Trino reads 27.5 as a DECIMAL, 27.5E0 as a DOUBLE)
            String v = value.startsWith("+") ? value.substring(1) : value;
            return v.contains("e") || v.contains("E") ? v : new BigDecimal(v).toPlainString() + "E0";
        }
    },
    /** An instant, ISO-8601 with or without an offset (UTC without one); rendered as a UTC timestamp literal. */
    TIMESTAMP("timestamp", "an ISO-8601 time, e.g. 2024-03-01T10:00:00Z") {
        @Override
        String literal(String value) {
            LocalDateTime utc;
            try {
                utc = OffsetDateTime.parse(value).withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
            } catch (DateTimeParseException e) {
                try {
                    utc = LocalDateTime.parse(value.replace(' ', 'T'));
                } catch (DateTimeParseException e2) {
                    throw new IllegalArgumentException(expected);
                }
            }
            return "TIMESTAMP '" + TEXT.format(utc) + "'";
        }
    };

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    final String id;
    final String expected;

    ParamType(String id, String expected) {
        this.id = id;
        this.expected = expected;
    }

    /** The SQL literal for {@code value}; {@link IllegalArgumentException} saying what was expected if it does not fit. */
    abstract String literal(String value);

    public String id() {
        return id;
    }

    static ParamType of(String id) {
        for (ParamType t : values()) {
            if (t.id.equals(id.toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        return null;
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
