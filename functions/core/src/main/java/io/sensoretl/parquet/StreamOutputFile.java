package io.sensoretl.parquet;

import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

/**
 * A Parquet {@link OutputFile} over any byte stream, such as an S3 multipart upload, so a file
 * is streamed out as it is written instead of being assembled on local disk or in memory.
 */
public final class StreamOutputFile implements OutputFile {
    private final OutputStream sink;
    private final String name;
    private boolean created;
    private long written;

    public StreamOutputFile(OutputStream sink, String name) {
        this.sink = sink;
        this.name = name;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) {
        if (created) {
            throw new IllegalStateException("stream output file " + name + " can be written only once");
        }
        created = true;
        return new PositionOutputStream() {
            @Override
            public long getPos() {
                return written;
            }

            @Override
            public void write(int b) throws IOException {
                sink.write(b);
                written++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                sink.write(b, off, len);
                written += len;
            }

            @Override
            public void flush() throws IOException {
                sink.flush();
            }

            @Override
            public void close() throws IOException {
                sink.close();
            }
        };
    }

    /** Bytes the Parquet writer has handed to the sink so far (pages reach it as row groups are flushed). */
    public long bytesWritten() {
        return written;
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) {
        return create(blockSizeHint);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return 0;
    }

    @Override
    public String getPath() {
        return name;
    }
}
