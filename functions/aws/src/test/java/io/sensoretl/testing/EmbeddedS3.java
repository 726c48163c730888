package io.sensoretl.testing;

import io.sensoretl.aws.S3Clients;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 fixture of every test module: an S3-compatible server (S3Proxy) inside the test JVM on
 * 127.0.0.1, reached through the real AWS SDK v2 client, so tests exercise the protocol the handlers
 * speak on AWS. It accepts the credentials a function signs with when {@code SENSOR_ETL_S3_ENDPOINT}
 * points it here, so a deployment jar run in a JVM of its own can use it too.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = S3Clients.LOCAL_ACCESS_KEY;
    public static final String SECRET_KEY = S3Clients.LOCAL_SECRET_KEY;

    private final S3Proxy proxy;
    private final S3Client client;

    private EmbeddedS3(S3Proxy proxy) throws Exception {
        this.proxy = proxy;
        proxy.start();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!"STARTED".equals(proxy.getState())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
            }
            Thread.sleep(10);
        }
        this.client = S3Clients.forEndpoint(endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    /** In memory: nothing left behind. */
    public static EmbeddedS3 inMemory() throws Exception {
        return new EmbeddedS3(builder().blobStore(new TransientNio2BlobStore()).build());
    }

    /** Backed by a directory (buckets are its sub-directories). */
    public static EmbeddedS3 onDisk(Path dir) throws Exception {
        return new EmbeddedS3(builder().blobStore(new FilesystemNio2BlobStore(dir.toString())).build());
    }

    private static S3Proxy.Builder builder() {
        return S3Proxy.builder()
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    public S3Client client() {
        return client;
    }

    public EmbeddedS3 bucket(String name) {
        client.createBucket(b -> b.bucket(name));
        return this;
    }

    public void put(String bucket, String key, byte[] body) {
        client.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(body));
    }

    @Override
    public void close() {
        client.close();
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("stopping S3Proxy: " + e, e);
        }
    }
}
