package io.sensoretl.s3proxy;

import java.net.URI;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;

/**
 * S3Proxy, an S3-compatible server, running in this JVM over a blob store (a directory or
 * memory) and checking SigV2/SigV4 signatures with one key pair. The local runtime's S3 endpoint and the
 * tests' S3 fixture both start it through here, so they serve the same protocol with the same settings.
 */
public final class S3ProxyServer implements AutoCloseable {
    /** Jetty starts in well under a second; a loaded CI machine gets room. */
    private static final long START_TIMEOUT_NANOS = 15_000_000_000L;

    private final S3Proxy proxy;

    private S3ProxyServer(S3Proxy proxy) {
        this.proxy = proxy;
    }

    /**
     * Starts S3Proxy listening on {@code listen} ({@code http://host:port}, port 0 for any free port) and
     * returns once it serves requests.
     *
     * @throws Exception what S3Proxy throws when it cannot start (a port in use: a {@code BindException}
     *     in the cause chain)
     * @throws IllegalStateException when it failed or did not start in time
     */
    public static S3ProxyServer start(BlobStore blobs, URI listen, String accessKey, String secretKey) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(blobs)
                .endpoint(listen)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, accessKey, secretKey)
                .build();
        proxy.start();
        long deadline = System.nanoTime() + START_TIMEOUT_NANOS;
        while (!"STARTED".equals(proxy.getState())) {
            if ("FAILED".equals(proxy.getState()) || System.nanoTime() > deadline) {
                throw new IllegalStateException("S3Proxy on " + listen + " did not start (state " + proxy.getState() + ")");
            }
            Thread.sleep(10);
        }
        return new S3ProxyServer(proxy);
    }

    /** The port it listens on (the one chosen when asked for port 0). */
    public int port() {
        return proxy.getPort();
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("S3Proxy on port " + proxy.getPort() + " did not stop cleanly", e);
        }
    }
}
