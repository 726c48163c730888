package io.sensoretl.parquet;

import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * A Parquet input file read from an object store with ranged reads, without copying the object to
 * disk. A Parquet reader seeks to the footer once and then reads each row group front to back, so one
 * open-ended range request per seek serves the reads in between.
 */
public final class ObjectInputFile implements InputFile {
    private final ObjectStore store;
    private final String key;
    private final long length;

    /**
     * The Parquet view of a stored object: ranged reads through the store, or, for an object in a local
     * directory, Parquet's own local file (positioned reads, no stream reopened per seek).
     */
    public static InputFile of(ObjectStore store, StoredObject object) {
        if (store instanceof LocalObjectStore local) {
            return new LocalInputFile(local.path(object.key()));
        }
        return new ObjectInputFile(store, object);
    }

    private ObjectInputFile(ObjectStore store, StoredObject object) {
        this.store = store;
        this.key = object.key();
        this.length = object.size();
    }

    @Override
    public long getLength() {
        return length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new SeekableInputStream() {
            private long pos;
            private InputStream body;
            private long bodyPos = -1;

            private InputStream at() throws IOException {
                if (body == null || bodyPos != pos) {
                    closeBody();
                    body = store.read(key, pos, -1, null);
                    bodyPos = pos;
                }
                return body;
            }

            private void closeBody() throws IOException {
                if (body != null) {
                    // the store's streams end a range early without transferring the rest
                    InputStream b = body;
                    body = null;
                    b.close();
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
                        throw new EOFException(store.location(key) + " ended at " + pos + " of " + length);
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
            public void close() throws IOException {
                closeBody();
            }
        };
    }
}
