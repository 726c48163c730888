package io.sensoretl.store.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Replaced versions are tagged for the bucket's lifecycle rule with real PutObjectTagging calls (the
 * embedded S3 has no tagging, so a recording HTTP endpoint answers them here).
 */
class S3ObjectStoreTaggingTest {
    private HttpServer server;
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private S3Client s3;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            calls.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getQuery() + " " + body);
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        s3 = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .forcePathStyle(true).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s"))).build();
    }

    @AfterEach
    void stop() {
        s3.close();
        server.stop(0);
    }

    @Test
    void everyObjectOfAReplacedVersionGetsTheTagTheLifecycleRuleMatches() throws Exception {
        new S3ObjectStore(s3, "data").tagReplaced(List.of("curated/readings/dt=2024-03-01/v=a/part-00000-00000.parquet",
                "curated/readings/dt=2024-03-01/v=a/part-00001-00000.parquet"));

        assertThat(calls).hasSize(2).allSatisfy(c -> assertThat(c).startsWith("PUT /data/curated/readings/dt=2024-03-01/v=a/part-")
                .contains("?tagging").contains("<Key>" + S3ObjectStore.REPLACED_TAG_KEY + "</Key><Value>true</Value>"));
    }

    @Test
    void aStoreWithoutLifecycleRulesIsNotAskedToTag() throws Exception {
        S3ObjectStore.withoutLifecycleTags(s3, "data").tagReplaced(List.of("curated/readings/dt=2024-03-01/v=a/part-00000-00000.parquet"));

        assertThat(calls).isEmpty();
    }
}
