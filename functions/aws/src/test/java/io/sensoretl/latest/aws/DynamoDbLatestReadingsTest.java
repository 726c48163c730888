package io.sensoretl.latest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.LatestReadingsContract;
import io.sensoretl.latest.UpsertSummary;
import io.sensoretl.aws.Backoff;
import io.sensoretl.testing.Dynalite;
import io.sensoretl.testing.DynamoDbTables;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbLatestReadingsTest extends LatestReadingsContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Dynalite dynalite;
    private static DynamoDbClient client;
    private static ExecutorService pool;

    @BeforeAll
    static void startDynalite() throws Exception {
        dynalite = Dynalite.start();
        client = dynalite.client();
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stopDynalite() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Override
    protected LatestReadings newStore() {
        String table = "latest-" + TABLES.incrementAndGet();
        DynamoDbTables.latestReadings(client, table);
        return new DynamoDbLatestReadings(client, table, Backoff.standard(), pool);
    }

    /** Fails the first {@code throttles} UpdateItem calls the way DynamoDB does when over capacity. */
    private static final class Throttler implements ExecutionInterceptor {
        final AtomicInteger remaining;

        Throttler(int throttles) {
            remaining = new AtomicInteger(throttles);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest && remaining.getAndDecrement() > 0) {
                // the exception as the SDK unmarshals DynamoDB's HTTP 400 for this error code
                throw ProvisionedThroughputExceededException.builder().statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .errorCode("ProvisionedThroughputExceededException")
                                .errorMessage("The level of configured provisioned throughput for the table was exceeded")
                                .serviceName("DynamoDb")
                                .build())
                        .build();
            }
        }
    }

    @Test
    void throttledWritesAreRetriedWithGrowingBackoffInVirtualTime() {
        Throttler throttler = new Throttler(3);
        List<Duration> slept = new ArrayList<>();
        String table = "latest-throttled";
        DynamoDbTables.latestReadings(client, table);
        try (DynamoDbClient throttled = dynalite.client(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(throttler).build())) {
            Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(10), slept::add, () -> 1.0);
            LatestReadings store = new DynamoDbLatestReadings(throttled, table, backoff, Runnable::run);

            UpsertSummary summary = store.upsertIfNewer(List.of(at("s-1", "temperature", 1, 1.0, "run-1")));

            assertThat(summary).isEqualTo(new UpsertSummary(1, 0));
            assertThat(slept).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
            assertThat(store.get("s-1", "temperature")).isPresent();
        }
    }

    @Test
    void throttlingThatOutlastsEveryRetryFailsNamingTheSeries() {
        String table = "latest-saturated";
        DynamoDbTables.latestReadings(client, table);
        try (DynamoDbClient throttled = dynalite.client(ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(new Throttler(100)).build())) {
            Backoff backoff = new Backoff(4, Duration.ofMillis(100), Duration.ofSeconds(10), d -> {}, () -> 0.5);
            LatestReadings store = new DynamoDbLatestReadings(throttled, table, backoff, Runnable::run);

            assertThatThrownBy(() -> store.upsertIfNewer(List.of(at("s-9", "co2", 1, 1.0, "run-1"))))
                    .isInstanceOf(Backoff.ThrottledException.class)
                    .hasMessageContaining("s-9/co2").hasMessageContaining("4 attempts");
        }
    }
}
