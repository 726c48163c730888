package io.sensoretl.decode;

/**
 * Finds where a delimited record ends when quoted fields may hold line breaks ({@code multilineFields}):
 * the first line feed outside quotes. The quoting rules are exactly those of {@link DelimitedRow}: a quote
 * opens a quoted field only as the field's first character, a doubled quote inside it is a literal quote,
 * and a quote anywhere else is an ordinary character. The state carries over from one call to the next,
 * so a record may span any number of buffer refills.
 *
 * <p>Works on bytes: the delimiter and the quote must be ASCII (the contract loader checks it), and UTF-8
 * never uses ASCII byte values inside a multi-byte character.
 */
public final class QuotedRecordEnds {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** Inside a quoted field, right after a quote: a second quote is literal, anything else closes the field. */
    private static final int QUOTE_IN_QUOTED = 3;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final byte delimiter;
    private final byte quote;
    private int state;
    private int bomIndex = -1;
    private long lineBreaksInside;

    public QuotedRecordEnds(char delimiter, char quote) {
        if (delimiter > 0x7F || quote > 0x7F) {
            throw new IllegalArgumentException("multiline records need an ASCII delimiter and quote, got '" + delimiter
                    + "' and '" + quote + "'");
        }
        this.delimiter = (byte) delimiter;
        this.quote = (byte) quote;
    }

    /** Starts a new record; at the object's first byte a UTF-8 byte-order mark is not part of the first field. */
    public void startRecord(boolean objectStart) {
        state = FIELD_START;
        bomIndex = objectStart ? 0 : -1;
        lineBreaksInside = 0;
    }

    /** Index of the line feed in {@code b[from, to)} that ends the record, or -1 when the record goes on. */
    public int find(byte[] b, int from, int to) {
        int s = state;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (bomIndex >= 0) {
                if (bomIndex < BOM.length && c == BOM[bomIndex]) {
                    bomIndex++;
                    continue;
                }
                bomIndex = -1;
            }
            switch (s) {
                case QUOTED -> {
                    if (c == quote) {
                        s = QUOTE_IN_QUOTED;
                    } else if (c == '\n') {
                        lineBreaksInside++;
                    }
                }
                case QUOTE_IN_QUOTED -> {
                    if (c == quote) {
                        s = QUOTED;
                    } else if (c == '\n') {
                        state = FIELD_START;
                        return i;
                    } else {
                        s = c == delimiter ? FIELD_START : UNQUOTED;
                    }
                }
                case FIELD_START -> {
                    if (c == '\n') {
                        state = FIELD_START;
                        return i;
                    }
                    s = c == quote ? QUOTED : c == delimiter ? FIELD_START : UNQUOTED;
                }
                default -> { // UNQUOTED, or after a closed quoted field: quotes are ordinary characters
                    if (c == '\n') {
                        state = FIELD_START;
                        return i;
                    }
                    if (c == delimiter) {
                        s = FIELD_START;
                    }
                }
            }
        }
        state = s;
        return -1;
    }

    /** Whether the bytes seen so far end inside a quoted field (at the end of the input: a quote never closed). */
    public boolean inQuotes() {
        return state == QUOTED;
    }

    /** Line feeds inside quoted fields of the current record. */
    public long lineBreaksInside() {
        return lineBreaksInside;
    }
}
