package io.sensoretl.parquet;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Util;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * An {@link OutputFile} that records the row groups' sort order ({@code sorting_columns}) in the footer.
 * parquet-java (1.18) has no API for it, so the writer's tail (column and offset indexes, footer) is held
 * back once {@link #holdTail()} is called, and on close the footer is re-serialised with the sorting
 * columns added; the bytes before it, and so every offset the footer records, are unchanged.
 */
final class SortingColumnsFooter implements OutputFile {
    private static final byte[] MAGIC = {'P', 'A', 'R', '1'};

    private final OutputFile delegate;
    private final List<SortingColumn> sorting;
    private TailStream stream;

    SortingColumnsFooter(OutputFile delegate, List<SortingColumn> sorting) {
        this.delegate = delegate;
        this.sorting = sorting;
    }

    /** From now on written bytes are the file's tail: kept until close, when the footer is rewritten. */
    void holdTail() {
        stream.held = new ByteArrayOutputStream(4096);
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        stream = new TailStream(delegate.create(blockSizeHint));
        return stream;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        stream = new TailStream(delegate.createOrOverwrite(blockSizeHint));
        return stream;
    }

    @Override
    public boolean supportsBlockSize() {
        return delegate.supportsBlockSize();
    }

    @Override
    public long defaultBlockSize() {
        return delegate.defaultBlockSize();
    }

    @Override
    public String getPath() {
        return delegate.getPath();
    }

    private final class TailStream extends PositionOutputStream {
        private final PositionOutputStream out;
        private ByteArrayOutputStream held;
        private boolean closed;

        TailStream(PositionOutputStream out) {
            this.out = out;
        }

        @Override
        public long getPos() throws IOException {
            return out.getPos() + (held == null ? 0 : held.size());
        }

        @Override
        public void write(int b) throws IOException {
            if (held != null) {
                held.write(b);
            } else {
                out.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (held != null) {
                held.write(b, off, len);
            } else {
                out.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (out) {
                if (held != null) {
                    out.write(rewrite(held.toByteArray()));
                }
            }
        }
    }

    private byte[] rewrite(byte[] tail) throws IOException {
        int n = tail.length;
        if (n < 8 || tail[n - 4] != MAGIC[0] || tail[n - 3] != MAGIC[1] || tail[n - 2] != MAGIC[2] || tail[n - 1] != MAGIC[3]) {
            throw new IOException(getPath() + ": the Parquet writer's tail does not end with a footer");
        }
        int footerLength = ByteBuffer.wrap(tail, n - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        int footerStart = n - 8 - footerLength;
        if (footerLength <= 0 || footerStart < 0) {
            throw new IOException(getPath() + ": footer length " + footerLength + " does not fit the " + n + "-byte tail");
        }
        FileMetaData meta = Util.readFileMetaData(new ByteArrayInputStream(tail, footerStart, footerLength));
        for (RowGroup group : meta.getRow_groups()) {
            group.setSorting_columns(sorting);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n + 64);
        out.write(tail, 0, footerStart);
        Util.writeFileMetaData(meta, out);
        int written = out.size() - footerStart;
        out.write(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(written).array());
        out.write(MAGIC);
        return out.toByteArray();
    }
}
