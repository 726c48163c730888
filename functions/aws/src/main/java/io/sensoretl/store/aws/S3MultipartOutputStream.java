package io.sensoretl.store.aws;

import io.sensoretl.store.ObjectOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Streams bytes into one S3 object with a multipart upload, holding at most one part in memory.
 * Small objects (below one part) are sent with a single PutObject instead, and hold only what they
 * wrote: the buffer starts small and grows to a part as bytes arrive. The object appears only
 * on {@link #close()} (S3 makes it visible atomically), and {@link #abort()} leaves nothing behind,
 * which is what makes retried writers safe: a crashed writer never exposes half a file.
 */
public final class S3MultipartOutputStream extends ObjectOutput {
    /** S3's minimum part size is 5 MiB; 8 MiB keeps requests few without much buffering. */
    public static final int DEFAULT_PART_BYTES = 8 * 1024 * 1024;
    /** The buffer a new stream starts with; a manifest or a plan file rarely outgrows it. */
    static final int INITIAL_BUFFER_BYTES = 64 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final String key;
    private final String contentType;
    private final int partBytes;
    private byte[] buffer;
    private int filled;
    private String uploadId;
    private final List<CompletedPart> parts = new ArrayList<>();
    private long written;
    private boolean closed;

    public S3MultipartOutputStream(S3Client s3, String bucket, String key, String contentType) {
        this(s3, bucket, key, contentType, DEFAULT_PART_BYTES);
    }

    public S3MultipartOutputStream(S3Client s3, String bucket, String key, String contentType, int partBytes) {
        if (partBytes < 5 * 1024 * 1024) {
            throw new IllegalArgumentException("S3 parts must be at least 5 MiB, got " + partBytes);
        }
        this.s3 = s3;
        this.bucket = bucket;
        this.key = key;
        this.contentType = contentType;
        this.partBytes = partBytes;
        this.buffer = new byte[Math.min(partBytes, INITIAL_BUFFER_BYTES)];
    }

    @Override
    public void write(int b) throws IOException {
        if (filled == buffer.length) {
            makeRoom();
        }
        buffer[filled++] = (byte) b;
        written++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        ensureOpen();
        while (len > 0) {
            if (filled == buffer.length) {
                makeRoom();
            }
            int n = Math.min(len, buffer.length - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            written += n;
        }
    }

    /** Bytes written so far. */
    public long size() {
        return written;
    }

    /** The bytes held in memory now (at most one part). */
    int bufferBytes() {
        return buffer.length;
    }

    /** A full buffer grows (doubling) until it is a part, and from then on is sent as one. */
    private void makeRoom() {
        if (buffer.length < partBytes) {
            buffer = Arrays.copyOf(buffer, (int) Math.min(partBytes, 2L * buffer.length));
        } else {
            flushPart();
        }
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("s3://" + bucket + "/" + key + " is already closed");
        }
    }

    private void flushPart() {
        if (uploadId == null) {
            uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(key).contentType(contentType)).uploadId();
        }
        int partNumber = parts.size() + 1;
        String etag = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(partNumber),
                RequestBody.fromBytes(Arrays.copyOf(buffer, filled))).eTag();
        parts.add(CompletedPart.builder().partNumber(partNumber).eTag(etag).build());
        filled = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (uploadId == null) {
                s3.putObject(b -> b.bucket(bucket).key(key).contentType(contentType),
                        RequestBody.fromBytes(Arrays.copyOf(buffer, filled)));
                return;
            }
            if (filled > 0) {
                flushPart();
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            abort();
            throw new IOException("could not complete upload of s3://" + bucket + "/" + key + ": " + e.getMessage(), e);
        }
    }

    /** Gives up the upload: nothing becomes visible and S3 frees the parts. */
    @Override
    public void abort() {
        closed = true;
        if (uploadId != null) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId));
            } catch (RuntimeException ignored) {
                // a lifecycle rule on the bucket aborts incomplete uploads that this could not
            }
        }
    }
}
