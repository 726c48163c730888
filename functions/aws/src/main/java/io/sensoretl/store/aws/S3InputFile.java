package io.sensoretl.store.aws;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A Parquet input file read from S3 with ranged GETs, without copying the object to disk. A Parquet
 * reader seeks to the footer once and then reads each row group front to back, so one open-ended
 * range request per seek serves the reads in between.
 */
final class S3InputFile implements InputFile {
    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final long length;

    S3InputFile(S3Client s3, String bucket, String key, long length) {
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.length = length;
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new SeekableInputStream() {
            private long pos;
            private ResponseInputStream<GetObjectResponse> body;
            private long bodyPos = -1;

            private InputStream at() {
                if (body == null || bodyPos != pos) {
                    closeBody();
                    long from = pos;
                    body = s3.getObject(b -> b.bucket(bucket).key(key).range("bytes=" + from + "-"));
                    bodyPos = pos;
                }
                return body;
            }

            private void closeBody() {
                if (body != null) {
                    // abort rather than drain the rest of an open-ended range
                    body.abort();
                    body = null;
                }
            }

            @Override
            public long getPos() {
                return pos;
            }

            @Override
            public void seek(long newPos) {
                pos = newPos;
            }

            @Override
            public int read() throws IOException {
                if (pos >= length) {
                    return -1;
                }
                int b = at().read();
                if (b >= 0) {
                    pos++;
                    bodyPos++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= length) {
                    return -1;
                }
                int n = at().read(b, off, (int) Math.min(len, length - pos));
                if (n > 0) {
                    pos += n;
                    bodyPos += n;
                }
                return n;
            }

            @Override
            public void readFully(byte[] bytes) throws IOException {
                readFully(bytes, 0, bytes.length);
            }

            @Override
            public void readFully(byte[] bytes, int start, int len) throws IOException {
                int done = 0;
                while (done < len) {
                    int n = read(bytes, start + done, len - done);
                    if (n < 0) {
                        throw new EOFException("s3://" + bucket + "/" + key + " ended at " + pos + " of " + length);
                    }
                    done += n;
                }
            }

            @Override
            public int read(ByteBuffer buf) throws IOException {
                byte[] tmp = new byte[buf.remaining()];
                int n = read(tmp, 0, tmp.length);
                if (n > 0) {
                    buf.put(tmp, 0, n);
                }
                return n;
            }

            @Override
            public void readFully(ByteBuffer buf) throws IOException {
                byte[] tmp = new byte[buf.remaining()];
                readFully(tmp, 0, tmp.length);
                buf.put(tmp);
            }

            @Override
            public void close() {
                closeBody();
            }
        };
    }
}
