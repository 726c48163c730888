package io.sensoretl.local;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local SQS endpoint: ElasticMQ on 127.0.0.1 whose queues and messages persist in the data dir
 * as they change ({@link QueueServer}), so dead-lettered chunks survive between commands and crashes.
 * Clients reach it through a front that checks their SigV4 signature with the same credentials as the
 * local S3 ({@link SignedFront}); ElasticMQ itself listens on another loopback port and checks none.
 */
public final class LocalSqs implements AutoCloseable {
    private final SignedFront front;
    private final QueueServer server;
    private final SqsClient client;
    private final URI endpoint;
    private final Path directory;

    private LocalSqs(SignedFront front, QueueServer server, Path directory) {
        this.front = front;
        this.server = server;
        this.directory = directory;
        this.endpoint = front.endpoint();
        this.client = client(endpoint);
    }

    /**
     * @param directory where the queue state lives ({@code <data-dir>/sqs})
     * @param port      0 for any free port
     */
    public static LocalSqs start(Path directory, int port) {
        return start(directory, BindHost.LOOPBACK, port);
    }

    /** The same listening on {@code bind} (the queue server behind the front stays on loopback). */
    public static LocalSqs start(Path directory, BindHost bind, int port) {
        SignedFront front;
        try {
            front = SignedFront.start(bind, port, new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "sqs", Clock.systemUTC()));
        } catch (IOException | RuntimeException e) {
            throw Ports.startFailure("SQS", port, "--sqs-port", e);
        }
        QueueServer server;
        try {
            server = QueueServer.start(directory, 0, front.endpoint());
        } catch (RuntimeException e) {
            front.close();
            throw Ports.startFailure("SQS", port, "--sqs-port", e);
        }
        front.forwardTo(server.port());
        return new LocalSqs(front, server, directory);
    }

    /** A client of a local SQS endpoint, signing with the credentials the local endpoints accept. */
    public static SqsClient client(URI endpoint) {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    public SqsClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /**
     * Creates the queue if needed and returns its URL. Messages an earlier version of the local runtime
     * saved as {@code <name>.json} are moved into the queue once.
     */
    public String ensureQueue(String name) {
        String url = client.createQueue(b -> b.queueName(name)).queueUrl();
        new QueueSnapshot(client, url, directory.resolve(name + ".json")).importOnce();
        return url;
    }

    @Override
    public void close() {
        try {
            client.close();
            front.close();
        } finally {
            server.close();
        }
    }
}
