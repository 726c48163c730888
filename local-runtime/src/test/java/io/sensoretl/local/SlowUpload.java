package io.sensoretl.local;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A PutObject through the SDK that sends half of its body, then waits until {@link #finish()}: while
 * it waits, the local S3 lists the object being written (a file without an ETag yet), as it does
 * during any long upload or the assembly of a large multipart upload.
 */
public final class SlowUpload {
    private final CountDownLatch release = new CountDownLatch(1);
    private final CompletableFuture<PutObjectResponse> done;

    private final S3Client streaming;

    private SlowUpload(S3Client s3, String bucket, String key, byte[] body) {
        streaming = streamingClient(s3);
        done = CompletableFuture.supplyAsync(() -> streaming.putObject(b -> b.bucket(bucket).key(key),
                RequestBody.fromContentProvider(() -> new HalfThenWait(body), body.length, "application/x-ndjson")));
    }

    /**
     * A client like {@code s3} (same endpoint, region and credentials) that streams the body in aws-chunked
     * encoding, as the AWS CLI and SDKs do by default: only then does the first half go out before the rest is
     * read. Our own clients for S3-compatible endpoints hash the body up front instead (see
     * {@code S3Clients.forEndpoint}), so they could not leave an upload half sent.
     */
    private static S3Client streamingClient(S3Client s3) {
        var config = s3.serviceClientConfiguration();
        return S3Client.builder()
                .endpointOverride(config.endpointOverride().orElseThrow())
                .region(config.region())
                .credentialsProvider(config.credentialsProvider())
                .forcePathStyle(true)
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(true).build())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public static SlowUpload start(S3Client s3, String bucket, String key, byte[] body) {
        return new SlowUpload(s3, bucket, key, body);
    }

    /** Waits until a listing of {@code prefix} shows an entry without an ETag: the upload is in flight. */
    public void awaitInFlight(S3Client s3, String bucket, String prefix) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (done.isDone()) {
                throw new AssertionError("the upload ended before it was seen in flight: " + done.handle((r, e) -> e).join());
            }
            for (S3Object o : s3.listObjectsV2(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                if (o.eTag() == null) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no entry without an ETag under " + prefix + " within 60 s");
    }

    /** Sends the rest and returns the stored object's ETag. */
    public String finish() {
        release.countDown();
        try {
            return done.orTimeout(120, TimeUnit.SECONDS).join().eTag();
        } finally {
            streaming.close();
        }
    }

    private final class HalfThenWait extends InputStream {
        private final byte[] body;
        private int position;

        HalfThenWait(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (position >= body.length) {
                return -1;
            }
            if (position >= body.length / 2) {
                try {
                    if (!release.await(120, TimeUnit.SECONDS)) {
                        throw new IOException("the test never released the upload");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            int limit = position < body.length / 2 ? body.length / 2 : body.length;
            int n = Math.min(len, limit - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }
    }
}
