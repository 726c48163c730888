package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits one delimited line into fields: RFC 4180 quoting (a doubled quote inside quotes is a
 * literal quote), any single-character delimiter.
 */
public final class DelimitedRow {
    private DelimitedRow() {}

    public static List<String> split(String line, char delimiter, char quote) throws FieldError {
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
            throw new FieldError(RejectReason.MALFORMED_ROW, "unterminated quoted field (quote character '" + quote + "')");
        }
        fields.add(cur.toString());
        return fields;
    }
}
