package io.sensoretl.contract;

/**
 * How records are laid out in the dump.
 *
 * @param delimiter            field separator (delimited only)
 * @param quote                quote character (delimited only); a doubled quote inside quotes is a literal quote
 * @param header               whether the first line names the columns (delimited only)
 * @param decimalSeparator     {@code .} or {@code ,} in numbers (delimited only)
 * @param multilineFields      quoted fields may contain line breaks; makes the input non-splittable
 * @param maxRecordBytes       records longer than this are rejected as {@code too_long} without being buffered
 * @param dataColumns          how many leading columns carry data (delimited only; 0: all). Fields after them
 *                             (trailing separators, stray spreadsheet debris) are never read, and a row whose
 *                             data columns are all empty is blank, not a record
 * @param rowNames             delimited with a header only: every row starts with one field the header does not
 *                             name (R's row names, as {@code write.table} writes them); it is never read, and
 *                             header names refer to the fields after it
 */
public record Format(
        FormatKind kind,
        char delimiter,
        char quote,
        boolean header,
        char decimalSeparator,
        boolean multilineFields,
        int maxRecordBytes,
        int dataColumns,
        boolean rowNames) {

    public static final int DEFAULT_MAX_RECORD_BYTES = 1024 * 1024;

    /** Whether a dump in this format can be cut at byte offsets and each piece read on its own. */
    public boolean splittable() {
        return kind == FormatKind.NDJSON || (kind == FormatKind.DELIMITED && !multilineFields);
    }
}
