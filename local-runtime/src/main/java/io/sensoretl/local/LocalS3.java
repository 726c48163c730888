package io.sensoretl.local;

import io.sensoretl.aws.S3Clients;
import io.sensoretl.s3proxy.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * The local S3 endpoint: S3Proxy (started by {@link S3ProxyServer}, as the tests' S3 fixture is) on
 * 127.0.0.1 over a directory ({@code <bucket>/<key>} files), so
 * objects persist between commands and the handlers speak the real S3 protocol through the SDK. Keys
 * the file store would resolve instead of keeping ({@code ..}, {@code .}, empty segments) are refused
 * with HTTP 400 ({@link ObjectKeyPolicy}).
 */
public final class LocalS3 implements AutoCloseable {
    /** The credentials the local endpoint accepts (print them for the AWS CLI). */
    public static final String ACCESS_KEY = "sensor-etl-local";
    public static final String SECRET_KEY = "sensor-etl-local-secret";

    private final S3ProxyServer server;
    private final S3Client client;
    private final URI endpoint;

    private LocalS3(S3ProxyServer server, BindHost bind, String accessKey, String secretKey) {
        this.server = server;
        this.endpoint = URI.create("http://" + bind.clientHost() + ":" + server.port());
        this.client = S3Clients.forEndpoint(endpoint, accessKey, secretKey);
    }

    /** @param port 0 for any free port */
    public static LocalS3 start(Path directory, int port) {
        return start(directory, BindHost.LOOPBACK, port);
    }

    /** @param port 0 for any free port; {@code bind}: the address to listen on */
    public static LocalS3 start(Path directory, BindHost bind, int port) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw Ports.startFailure("S3", port, "--s3-port", e);
        }
        return start(ObjectKeyPolicy.guard(new FilesystemNio2BlobStore(directory.toString())), bind, port,
                ACCESS_KEY, SECRET_KEY);
    }

    /** An endpoint on any free port whose objects live in memory only (e.g. for conformance vectors). */
    public static LocalS3 startInMemory() {
        return startInMemory(ACCESS_KEY, SECRET_KEY);
    }

    /**
     * The same with other credentials: those a function signs with in a JVM of its own
     * ({@code S3Clients.LOCAL_ACCESS_KEY}), for the cold-start benchmark's child processes.
     */
    public static LocalS3 startInMemory(String accessKey, String secretKey) {
        return start(ObjectKeyPolicy.guard(new TransientNio2BlobStore()), BindHost.LOOPBACK, 0,
                accessKey, secretKey);
    }

    private static LocalS3 start(BlobStore blobs, BindHost bind, int port, String accessKey, String secretKey) {
        S3ProxyServer server;
        try {
            server = S3ProxyServer.start(blobs, URI.create("http://" + bind.uriHost() + ":" + port), accessKey, secretKey);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the local S3 endpoint on " + bind.host() + ":" + port + " did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the local S3 endpoint", e);
        } catch (Exception e) {
            throw Ports.startFailure("S3", port, "--s3-port", e);
        }
        return new LocalS3(server, bind, accessKey, secretKey);
    }

    public S3Client client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    public void ensureBucket(String bucket) {
        if (client.listBuckets().buckets().stream().noneMatch(b -> b.name().equals(bucket))) {
            try {
                client.createBucket(b -> b.bucket(bucket));
            } catch (BucketAlreadyOwnedByYouException e) {
                // created concurrently: what we wanted
            }
        }
    }

    @Override
    public void close() {
        client.close();
        try {
            server.close();
        } catch (IllegalStateException e) {
            throw new IllegalStateException("the local S3 endpoint did not stop cleanly", e.getCause());
        }
    }
}
