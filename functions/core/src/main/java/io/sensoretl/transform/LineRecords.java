package io.sensoretl.transform;

import io.sensoretl.contract.Format;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.decode.DelimitedLineDecoder;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonFieldPlan;
import io.sensoretl.decode.JsonLineDecoder;
import io.sensoretl.decode.Line;
import io.sensoretl.decode.LineSplitter;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import java.io.InputStream;

/** Records of line-oriented formats (NDJSON, delimited text) within a chunk's byte range. */
final class LineRecords implements SourceRecords {
    private final InputStream in;
    private final LineSplitter splitter;
    private final Format format;
    private final JsonLineDecoder json;
    private final DelimitedLineDecoder delimited;
    private final long start;
    private Line line;
    private long lastEnd;
    private boolean truncationReported;

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
        this.splitter = new LineSplitter(in, streamOffset, start, end, format.maxRecordBytes());
        this.lastEnd = start;
        if (start == 0 && delimited != null && format.header()) {
            splitter.next(); // the header row is not a record
        }
    }

    private void readHeader(ByteSource source, Format format) throws IOException {
        try (InputStream head = source.open(0)) {
            Line h = new LineSplitter(head, 0, 0, 1, format.maxRecordBytes()).next();
            if (h == null) {
                throw new HeaderException("the file has no header row, but the contract says header: true");
            }
            if (h.tooLong()) {
                throw new HeaderException("the header row is longer than maxRecordBytes " + format.maxRecordBytes());
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
            truncationReported |= line.truncatedInput();
        }
        return line != null;
    }

    /**
     * A delimited row of nothing but separators (spreadsheet exports end with such rows) is blank, not a
     * record; with {@code dataColumns} only those leading columns must be empty, whatever follows them.
     */
    private boolean onlySeparators(Line l) {
        if (l.tooLong() || l.truncatedInput()) {
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
        if (line.truncatedInput()) {
            throw new FieldError(RejectReason.TRUNCATED_INPUT, "the compressed input ends abruptly inside this record "
                    + "(truncated or corrupt gzip); nothing after offset " + line.offset() + " can be read");
        }
        if (line.tooLong()) {
            throw new FieldError(RejectReason.TOO_LONG, "record of " + line.fullLength()
                    + "+ bytes exceeds maxRecordBytes " + format.maxRecordBytes());
        }
        return json != null ? json.decode(line.bytes(), line.length()) : delimited.decode(line.bytes(), line.length());
    }

    @Override
    public FieldError trailingError() {
        if (splitter.truncated() && !truncationReported) {
            return new FieldError(RejectReason.TRUNCATED_INPUT, "the compressed input ends abruptly after offset "
                    + lastEnd + " (truncated or corrupt gzip); what followed cannot be read");
        }
        return null;
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
    static final class HeaderException extends IOException {
        HeaderException(String message) {
            super(message);
        }
    }
}
