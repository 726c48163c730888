package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one delimited record into fields: RFC 4180 quoting (a doubled quote inside quotes is a
 * literal quote), any single-character delimiter. A carriage return outside quotes that does not end
 * the record is a CR-only line end ({@link LineEnds}), never field content.
 */
public final class DelimitedRow {
    private DelimitedRow() {}

    public static List<String> split(String line, char delimiter, char quote) throws FieldError {
        return split(line, delimiter, quote, "row");
    }

    /** @param what names the record in messages: "row", "header row" */
    public static List<String> split(String line, char delimiter, char quote, String what) throws FieldError {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == quote) {
                    if (i + 1 < line.length() && line.charAt(i + 1) == quote) {
                        cur.append(quote);
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '\r' && i + 1 < line.length()) {
                throw LineEnds.crOnly("at character " + i + " of the " + what);
            } else if (c == delimiter) {
                fields.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c == quote && cur.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new FieldError(RejectReason.MALFORMED_ROW, "unterminated quoted field in the " + what + " (quote character '"
                    + quote + "')");
        }
        fields.add(cur.toString());
        return fields;
    }
}
