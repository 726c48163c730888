package io.sensoretl.transform;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.SourceChangedException;
import io.sensoretl.chunk.SourceMissingException;
import io.sensoretl.decode.Compression;
import io.sensoretl.store.ObjectChangedException;
import io.sensoretl.store.ObjectMissingException;
import io.sensoretl.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;

/**
 * A chunk's bytes from the object store holding its source (S3 on AWS) through ranged reads: first
 * exactly the chunk's range, then, only if the last record runs past the chunk's end, small follow-up
 * ranges until it is complete. Every read is conditional on the planned ETag, so a source object
 * replaced mid-run fails loudly ({@link SourceChangedException}) instead of mixing two versions; a
 * deleted one fails with {@link SourceMissingException}.
 */
public final class ChunkBytes implements ByteSource {
    /** Follow-up ranges are small: a record rarely crosses the boundary by more than a few KiB. */
    static final long TAIL_BYTES = 256 * 1024;

    private final ObjectStore source;
    private final ChunkDescriptor chunk;
    private final Compression compression;

    /** @param source the store of the chunk's bucket */
    public ChunkBytes(ObjectStore source, ChunkDescriptor chunk) {
        this.source = source;
        this.chunk = chunk;
        this.compression = "gzip".equals(chunk.compression()) ? Compression.GZIP : Compression.NONE;
    }

    @Override
    public InputStream open(long from) throws IOException {
        if (compression != Compression.NONE) {
            if (from != 0) {
                throw new IllegalArgumentException(chunk.sourceUri() + " is compressed and can only be read from the start");
            }
            return compression.decode(get(0, chunk.size()));
        }
        return new Ranges(from);
    }

    private InputStream get(long from, long to) throws IOException {
        try {
            return source.read(chunk.key(), from, to, chunk.etag());
        } catch (ObjectMissingException e) {
            throw new SourceMissingException(chunk.sourceUri() + " does not exist (it was planned with ETag "
                    + chunk.etag() + "); it was deleted or is being replaced", e);
        } catch (ObjectChangedException e) {
            throw new SourceChangedException(chunk.sourceUri() + " changed since it was planned (ETag is no longer "
                    + chunk.etag() + "); the new upload is a run of its own", e);
        }
    }

    /** Reads [from, chunk end) in one read, then further ranges lazily until the object ends. */
    private final class Ranges extends InputStream {
        private long next;
        private InputStream current;

        Ranges(long from) {
            this.next = from;
        }

        private boolean advance() throws IOException {
            closeCurrent();
            if (next >= chunk.size()) {
                return false;
            }
            long to = next < chunk.end() ? chunk.end() : Math.min(chunk.size(), next + TAIL_BYTES);
            current = get(next, to);
            next = to;
            return true;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (true) {
                if (current == null && !advance()) {
                    return -1;
                }
                int n = current.read(b, off, len);
                if (n >= 0) {
                    return n;
                }
                closeCurrent();
            }
        }

        private void closeCurrent() throws IOException {
            if (current != null) {
                // the store's streams end a range early without transferring the rest
                InputStream c = current;
                current = null;
                c.close();
            }
        }

        @Override
        public void close() throws IOException {
            closeCurrent();
        }
    }
}
