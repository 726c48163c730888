package io.sensoretl.transform;

import io.sensoretl.contract.Format;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.contract.InvalidInput;
import io.sensoretl.decode.DelimitedLineDecoder;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonFieldPlan;
import io.sensoretl.decode.JsonLineDecoder;
import io.sensoretl.decode.Line;
import io.sensoretl.decode.LineEnds;
import io.sensoretl.decode.LineSplitter;
import io.sensoretl.decode.QuotedRecordEnds;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/**
 * Records of line-oriented formats (NDJSON, delimited text) within a chunk's byte range. With
 * {@code multilineFields}, a delimited record ends at the first line feed outside quotes; such objects
 * are one chunk read from offset 0.
 */
final class LineRecords implements SourceRecords {
    private final InputStream in;
    private final LineSplitter splitter;
    private final Format format;
    private final JsonLineDecoder json;
    private final DelimitedLineDecoder delimited;
    private final long start;
    private Line line;
    private long lastEnd;
    private boolean damageReported;

    LineRecords(ByteSource source, Format format, JsonFieldPlan fields, long start, long end) throws IOException {
        this.format = format;
        this.start = start;
        this.json = format.kind() == FormatKind.NDJSON ? new JsonLineDecoder(fields) : null;
        this.delimited = format.kind() == FormatKind.DELIMITED ? new DelimitedLineDecoder(format) : null;
        if (delimited != null && delimited.needsHeader()) {
            readHeader(source, format);
        }
        long streamOffset = start == 0 ? 0 : start - 1;
        this.in = source.open(streamOffset);
        this.splitter = new LineSplitter(in, streamOffset, start, end, format.maxRecordBytes(), recordEnds(format));
        this.lastEnd = start;
        if (start == 0 && delimited != null && format.header()) {
            splitter.next(); // the header row is not a record
        }
    }

    /** How records end: at every line feed, or (multiline delimited) at line feeds outside quotes. */
    private static QuotedRecordEnds recordEnds(Format format) {
        return format.kind() == FormatKind.DELIMITED && format.multilineFields()
                ? new QuotedRecordEnds(format.delimiter(), format.quote()) : null;
    }

    private void readHeader(ByteSource source, Format format) throws IOException {
        try (InputStream head = source.open(0)) {
            Line h = new LineSplitter(head, 0, 0, 1, format.maxRecordBytes(), recordEnds(format)).next();
            if (h == null) {
                throw new HeaderException("the file has no header row, but the contract says header: true");
            }
            if (h.damage() != null) {
                throw new HeaderException("cannot read the header row: " + h.damage().getMessage());
            }
            if (h.tooLong()) {
                int cr = LineEnds.firstBareCarriageReturn(h.bytes(), 0, h.length());
                throw new HeaderException(cr >= 0 ? "cannot read the header row: " + LineEnds.crOnlyMessage("at byte " + cr
                        + " of the header row") : "the header row is longer than maxRecordBytes " + format.maxRecordBytes());
            }
            delimited.header(h.bytes(), h.length());
        } catch (FieldError e) {
            throw new HeaderException("cannot read the header row: " + e.getMessage());
        }
    }

    @Override
    public boolean next() throws IOException {
        do {
            line = splitter.next();
        } while (line != null && delimited != null && onlySeparators(line));
        if (line != null) {
            lastEnd = line.offset() + line.fullLength();
            damageReported |= line.damage() != null;
        }
        return line != null;
    }

    /**
     * A delimited row of nothing but separators (spreadsheet exports end with such rows) is blank, not a
     * record; with {@code dataColumns} only those leading columns must be empty, whatever follows them.
     */
    private boolean onlySeparators(Line l) {
        if (l.tooLong() || l.damage() != null) {
            return false;
        }
        byte[] b = l.bytes();
        int separators = 0;
        for (int i = 0; i < l.length(); i++) {
            if (b[i] == format.delimiter()) {
                if (++separators == format.dataColumns()) {
                    return true;
                }
            } else if (b[i] != ' ' && b[i] != '\t' && b[i] != format.quote()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public long offset() {
        return line == null ? lastEnd : line.offset();
    }

    @Override
    public String raw(int maxBytes) {
        return line == null ? "" : line.text(maxBytes);
    }

    @Override
    public RecordView decode() throws FieldError {
        if (line.damage() != null) {
            throw new FieldError(line.damage().reason(), "the input breaks off inside this record: " + line.damage().getMessage());
        }
        if (line.tooLong()) {
            int cr = LineEnds.firstBareCarriageReturn(line.bytes(), 0, line.length());
            if (cr >= 0) {
                throw LineEnds.crOnly("at byte " + cr + " of the record");
            }
            if (line.openQuote()) {
                throw new FieldError(RejectReason.MALFORMED_ROW, "a quoted field of the record at " + line.location()
                        + " is never closed: the remaining " + line.fullLength() + " bytes of the input are inside it");
            }
            throw new FieldError(RejectReason.TOO_LONG, "record of " + line.fullLength()
                    + "+ bytes exceeds maxRecordBytes " + format.maxRecordBytes());
        }
        if (json == null) {
            return delimited.decode(line);
        }
        try {
            return json.decode(line.bytes(), line.length());
        } catch (FieldError e) {
            // a CR-only file reads as one line of several JSON values: say why rather than "trailing data"
            int cr = e.reason() == RejectReason.MALFORMED_JSON ? LineEnds.firstBareCarriageReturn(line.bytes(), 0, line.length()) : -1;
            throw cr >= 0 ? LineEnds.crOnly("at byte " + cr + " of the record") : e;
        }
    }

    @Override
    public FieldError trailingError() {
        if (splitter.damage() != null && !damageReported) {
            return new FieldError(splitter.damage().reason(), "after the record ending at offset " + lastEnd + ": "
                    + splitter.damage().getMessage());
        }
        return null;
    }

    /**
     * The current line when its bytes are the whole record (not cut at {@code maxRecordBytes}, not cut
     * short by a broken gzip stream), else {@code null}: what a byte scanner may look at.
     */
    Line wholeLine() {
        return line == null || line.tooLong() || line.damage() != null ? null : line;
    }

    /** The delimited decoder (its header), or null for NDJSON. */
    DelimitedLineDecoder delimitedDecoder() {
        return delimited;
    }

    @Override
    public long bytes() {
        return splitter.bytesRead();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    /** The header row needed to decode the chunk is missing or unreadable: a chunk-level error. */
    static final class HeaderException extends IOException implements InvalidInput {
        HeaderException(String message) {
            super(message);
        }
    }
}
