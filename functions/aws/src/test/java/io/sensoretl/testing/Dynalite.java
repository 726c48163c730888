package io.sensoretl.testing;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A DynamoDB-compatible server (npm {@code dynalite}, installed by the build under
 * {@code tools/node}) started as a child process on 127.0.0.1, so the DynamoDB adapters are tested
 * against real conditional-write semantics rather than our own stand-in. Without {@code node} or the
 * package the calling test is skipped with the reason (CI has both).
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final URI endpoint;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.endpoint = URI.create("http://127.0.0.1:" + port);
    }

    public static Dynalite start() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("sensoretl.repo.root", "../.."));
        Path cli = root.resolve("tools/node/node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            cli = Path.of("../../tools/node/node_modules/dynalite/cli.js");
        }
        Assumptions.assumeTrue(Files.exists(cli),
                "dynalite is not installed at " + cli + " (run: cd tools/node && npm ci); DynamoDB tests skipped");
        Assumptions.assumeTrue(onPath("node"), "node is not on the PATH; DynamoDB tests skipped");
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Process process = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port",
                String.valueOf(port), "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new Dynalite(process, port);
            } catch (IOException notYet) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    process.destroyForcibly();
                    throw new IllegalStateException("dynalite did not start on port " + port
                            + (process.isAlive() ? "" : " (exit " + process.exitValue() + ")"));
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    public URI endpoint() {
        return endpoint;
    }

    /** A client with the SDK's own retries off, so tests see every throttle and conditional failure. */
    public DynamoDbClient client() {
        return client(ClientOverrideConfiguration.builder()
                .retryStrategy(software.amazon.awssdk.awscore.retry.AwsRetryStrategy.doNotRetry()).build());
    }

    public DynamoDbClient client(ClientOverrideConfiguration config) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(config)
                .build();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
