package io.sensoretl.testing;

import io.sensoretl.aws.S3Clients;
import io.sensoretl.s3proxy.S3ProxyServer;
import java.net.URI;
import java.nio.file.Path;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The S3 fixture of every test module: an S3-compatible server (S3Proxy, started by
 * {@link S3ProxyServer} as the local runtime's endpoint is) inside the test JVM on 127.0.0.1, reached
 * through the real AWS SDK v2 client, so tests exercise the protocol the handlers
 * speak on AWS. It accepts the credentials a function signs with when {@code SENSOR_ETL_S3_ENDPOINT}
 * points it here, so a deployment jar run in a JVM of its own can use it too.
 */
public final class EmbeddedS3 implements AutoCloseable {
    public static final String ACCESS_KEY = S3Clients.LOCAL_ACCESS_KEY;
    public static final String SECRET_KEY = S3Clients.LOCAL_SECRET_KEY;

    private final S3ProxyServer server;
    private final S3Client client;

    private EmbeddedS3(BlobStore blobs) throws Exception {
        this.server = S3ProxyServer.start(blobs, URI.create("http://127.0.0.1:0"), ACCESS_KEY, SECRET_KEY);
        this.client = S3Clients.forEndpoint(endpoint(), ACCESS_KEY, SECRET_KEY);
    }

    /** In memory: nothing left behind. */
    public static EmbeddedS3 inMemory() throws Exception {
        return new EmbeddedS3(new TransientNio2BlobStore());
    }

    /** Backed by a directory (buckets are its sub-directories). */
    public static EmbeddedS3 onDisk(Path dir) throws Exception {
        return new EmbeddedS3(new FilesystemNio2BlobStore(dir.toString()));
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.port());
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
        server.close();
    }
}
