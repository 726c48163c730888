package io.sensoretl.latest.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.AwsRetries;
import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.LatestReadingsContract;
import io.sensoretl.latest.UpsertSummary;
import io.sensoretl.testing.DynaliteTables;
import io.sensoretl.testing.DynamoDbTables;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

class DynamoDbLatestReadingsTest extends LatestReadingsContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();
    private static ExecutorService pool;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stopPool() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    protected LatestReadings newStore() {
        return new DynamoDbLatestReadings(DYNAMO.client(), DYNAMO.newLatestReadingsTable("latest"), pool);
    }

    /** Fails the first {@code throttles} UpdateItem calls the way DynamoDB does when over capacity. */
    private static final class Throttler implements ExecutionInterceptor {
        final AtomicInteger remaining;
        final AtomicInteger seen = new AtomicInteger();

        Throttler(int throttles) {
            remaining = new AtomicInteger(throttles);
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest && seen.incrementAndGet() > 0 && remaining.getAndDecrement() > 0) {
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

    /** A client configured as the functions' ({@link AwsClients}), waiting nothing between attempts, with a throttler. */
    private static DynamoDbClient throttledClient(Throttler throttler) {
        return DYNAMO.client(AwsClients.overrides(AwsRetries.STANDARD.withJitter(() -> 0)).toBuilder()
                .addExecutionInterceptor(throttler).build());
    }

    @Test
    void throttledWritesAreRetriedByTheSdkRetryStrategy() {
        Throttler throttler = new Throttler(AwsRetries.STANDARD.maxAttempts() - 1);
        String table = "latest-throttled";
        DynamoDbTables.latestReadings(DYNAMO.client(), table);
        try (DynamoDbClient throttled = throttledClient(throttler)) {
            LatestReadings store = new DynamoDbLatestReadings(throttled, table, Runnable::run);

            UpsertSummary summary = store.upsertIfNewer(List.of(at("s-1", "temperature", 1, 1.0, "run-1")));

            assertThat(summary).isEqualTo(new UpsertSummary(1, 0));
            assertThat(throttler.seen.get()).isEqualTo(AwsRetries.STANDARD.maxAttempts());
            assertThat(store.get("s-1", "temperature")).isPresent();
        }
    }

    @Test
    void throttlingThatOutlastsTheSdkAttemptsFailsAsAThrottlingErrorWithoutARetryLoopOfItsOwn() {
        Throttler throttler = new Throttler(100);
        String table = "latest-saturated";
        DynamoDbTables.latestReadings(DYNAMO.client(), table);
        try (DynamoDbClient throttled = throttledClient(throttler)) {
            LatestReadings store = new DynamoDbLatestReadings(throttled, table, Runnable::run);

            assertThatThrownBy(() -> store.upsertIfNewer(List.of(at("s-9", "co2", 1, 1.0, "run-1"))))
                    .isInstanceOfSatisfying(ProvisionedThroughputExceededException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());
            assertThat(throttler.seen.get()).isEqualTo(AwsRetries.STANDARD.maxAttempts());
        }
    }
}
