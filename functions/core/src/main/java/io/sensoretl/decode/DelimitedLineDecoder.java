package io.sensoretl.decode;

import io.sensoretl.contract.Format;
import io.sensoretl.reading.RejectReason;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decodes delimited records: strict UTF-8, quoting, header names, and the number of fields. A row's
 * fields are only ever matched to the header's names when the row has the header's number of fields
 * (plus the row name with {@code rowNames}); any other row is {@code malformed_row}, so a missing or
 * extra field can never shift values into the wrong columns. With {@code dataColumns}, a row needs at
 * least that many fields and later ones are not counted (they are debris, never read). Without a header
 * and without {@code dataColumns} nothing states the count; columns are found by position.
 */
public final class DelimitedLineDecoder {
    private final Format format;
    private DelimitedRecordView view;
    /** Fields every row must have exactly (header rows), or 0. */
    private int expectedFields;

    public DelimitedLineDecoder(Format format) {
        this.format = format;
        if (!format.header()) {
            view = new DelimitedRecordView(Map.of(), format.decimalSeparator());
        }
    }

    /**
     * Reads the header row; column names are trimmed. Must be called first when the format has a header.
     * With {@code rowNames}, the header names the fields after each row's leading row name.
     */
    public void header(byte[] bytes, int length) throws FieldError {
        List<String> names = split(bytes, length, "header row");
        int shift = format.rowNames() ? 1 : 0;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i).trim();
            if (!n.isEmpty()) {
                index.putIfAbsent(n, i + shift);
            }
        }
        expectedFields = names.size() + shift;
        if (format.dataColumns() > expectedFields) {
            throw new FieldError(RejectReason.MALFORMED_ROW, "the header row has " + names.size() + " fields"
                    + (shift > 0 ? " (plus the row name)" : "") + ", fewer than the contract's dataColumns "
                    + format.dataColumns());
        }
        view = new DelimitedRecordView(Map.copyOf(index), format.decimalSeparator());
    }

    /**
     * The 0-based column a reference reads, as {@link DelimitedRecordView} finds it: by header name (-1
     * when the header has no such column) or by position.
     */
    public int columnIndex(io.sensoretl.contract.FieldRef.Column ref) {
        if (ref.name() == null) {
            return ref.position() - 1;
        }
        Integer i = view.header().get(ref.name());
        return i == null ? -1 : i;
    }

    /**
     * Whether a row of {@code found} fields passes the field-count check of {@link #decode(Line)}; a row
     * that does not is malformed_row (a byte scanner leaves it to this decoder, whose message names its line).
     */
    public boolean fieldCountOk(int found) {
        int min = format.dataColumns();
        if (min > 0) {
            return found >= min;
        }
        return expectedFields <= 0 || found == expectedFields;
    }

    public boolean needsHeader() {
        return view == null;
    }

    /** Decodes a record whose place in the file is not known (messages then cannot name its line). */
    public RecordView decode(byte[] bytes, int length) throws FieldError {
        return decode(bytes, length, null);
    }

    /** Decodes the record a {@link LineSplitter} returned; messages name its line (or offset). */
    public RecordView decode(Line line) throws FieldError {
        return decode(line.bytes(), line.length(), line);
    }

    private RecordView decode(byte[] bytes, int length, Line where) throws FieldError {
        if (view == null) {
            throw new IllegalStateException("the header row has not been read");
        }
        List<String> fields = split(bytes, length, "row");
        checkFieldCount(fields.size(), where);
        return view.reset(fields);
    }

    private void checkFieldCount(int found, Line where) throws FieldError {
        int min = format.dataColumns();
        if (min > 0) {
            if (found < min) {
                throw new FieldError(RejectReason.MALFORMED_ROW, "expected at least " + min + " fields (dataColumns), found "
                        + found + at(where));
            }
        } else if (expectedFields > 0 && found != expectedFields) {
            throw new FieldError(RejectReason.MALFORMED_ROW, "expected " + expectedFields + " fields from the header"
                    + (format.rowNames() ? " (its " + (expectedFields - 1) + " names and the row name, rowNames: true)" : "")
                    + ", found " + found + at(where));
        }
    }

    private static String at(Line where) {
        return where == null ? "" : ", at " + where.location();
    }

    private List<String> split(byte[] bytes, int length, String what) throws FieldError {
        Utf8Validator.check(bytes, length);
        return DelimitedRow.split(new String(bytes, 0, length, StandardCharsets.UTF_8), format.delimiter(), format.quote(),
                what);
    }
}
