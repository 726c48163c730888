package io.sensoretl.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local SQS endpoint: ElasticMQ on 127.0.0.1. ElasticMQ keeps messages in memory, so the queues
 * this runtime creates are restored from {@link QueueSnapshot}s when it starts and saved back when
 * it closes (and whenever {@link #snapshot()} is called), which is how dead-lettered chunks survive
 * between commands.
 */
public final class LocalSqs implements AutoCloseable {
    private final SQSRestServer server;
    private final SqsClient client;
    private final URI endpoint;
    private final Path snapshots;
    private final Map<String, String> queues = new LinkedHashMap<>();

    private LocalSqs(SQSRestServer server, int port, Path snapshots) {
        this.server = server;
        this.snapshots = snapshots;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.client = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    /** @param port 0 for any free port */
    public static LocalSqs start(Path snapshots, int port) {
        SQSRestServer server;
        int bound;
        try {
            var builder = SQSRestServerBuilder.withInterface("127.0.0.1");
            server = (port == 0 ? builder.withDynamicPort() : builder.withPort(port)).start();
            bound = server.waitUntilStarted().localAddress().getPort();
        } catch (Exception e) {
            throw Ports.startFailure("SQS", port, "--sqs-port", e);
        }
        return new LocalSqs(server, bound, snapshots);
    }

    public SqsClient client() {
        return client;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates the queue if needed, restores its saved messages, and returns its URL. */
    public String ensureQueue(String name) {
        String url = client.createQueue(b -> b.queueName(name)).queueUrl();
        if (!queues.containsKey(name)) {
            queues.put(name, url);
            new QueueSnapshot(client, url, snapshots.resolve(name + ".json")).restore();
        }
        return url;
    }

    /** Saves every queue's messages, so they survive this process. */
    public void snapshot() {
        queues.forEach((name, url) -> new QueueSnapshot(client, url, snapshots.resolve(name + ".json")).save());
    }

    @Override
    public void close() {
        try {
            snapshot();
        } finally {
            client.close();
            server.stopAndWait();
        }
    }
}
