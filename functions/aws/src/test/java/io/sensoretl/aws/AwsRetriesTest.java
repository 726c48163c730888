package io.sensoretl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.testing.AwsJsonStub;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The one retry policy, measured against a DynamoDB endpoint that throttles every call (the stub of
 * issue 12: the old Backoff made 27 attempts in 157 s there). Attempts are counted by the stub; time
 * is real, with the jitter pinned to the top of each window (the worst case) or to zero.
 */
class AwsRetriesTest {
    /** The top of every jitter window: the longest waits the policy can produce. */
    private static final double WHOLE_WINDOW = Math.nextDown(1.0);

    private final DynamoDbStub stub;

    AwsRetriesTest() throws IOException {
        stub = new DynamoDbStub();
    }

    @AfterEach
    void close() {
        stub.close();
    }

    static final class DynamoDbStub extends AwsJsonStub<DynamoDbStub> {
        DynamoDbStub() throws IOException {
            super();
        }

        DynamoDbClient client(AwsRetries retries) {
            return client(DynamoDbClient.builder(), retries);
        }
    }

    private static void getItem(DynamoDbClient dynamo) {
        dynamo.getItem(b -> b.tableName("ledger").key(Map.of("source_object", AttributeValue.fromS("b/k"),
                "etag", AttributeValue.fromS("e"))));
    }

    @Test
    void aCallThrottledThroughoutMakesThreeAttemptsAndWaitsAtMostTheThrottlingWindows() {
        stub.fail("GetItem", 400, "ThrottlingException", "Rate exceeded", 50);
        AwsRetries worst = AwsRetries.STANDARD.withJitter(() -> WHOLE_WINDOW);
        try (DynamoDbClient dynamo = stub.client(worst)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> getItem(dynamo)).isInstanceOfSatisfying(SdkServiceException.class,
                    e -> assertThat(e.isThrottlingException()).isTrue());
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stub.operations()).hasSize(3);
            // windows 1 s and 2 s before the 2nd and 3rd attempt
            assertThat(worst.worstCaseBackoff()).isEqualTo(Duration.ofSeconds(3));
            assertThat(elapsed).isBetween(Duration.ofMillis(2_900), worst.worstCaseBackoff().plusSeconds(2));
        }
    }

    @Test
    void aServerErrorIsRetriedWithTheShortTransientWindows() {
        stub.fail("GetItem", 500, "InternalServerError", "try again", 50);
        AwsRetries worst = AwsRetries.STANDARD.withJitter(() -> WHOLE_WINDOW);
        try (DynamoDbClient dynamo = stub.client(worst)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> getItem(dynamo)).isInstanceOfSatisfying(SdkServiceException.class,
                    e -> assertThat(e.statusCode()).isEqualTo(500));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

            assertThat(stub.operations()).hasSize(3);
            // windows 100 ms and 200 ms
            assertThat(elapsed).isBetween(Duration.ofMillis(290), Duration.ofMillis(2_000));
        }
    }

    @Test
    void aCallThatRecoversWithinItsAttemptsSucceedsWithoutWaitingWhenTheJitterIsZero() {
        stub.fail("GetItem", 400, "ProvisionedThroughputExceededException", "over capacity", 2);
        stub.answer("GetItem", "{\"Item\":{\"state\":{\"S\":\"RUNNING\"}}}");
        try (DynamoDbClient dynamo = stub.client(AwsRetries.STANDARD.withJitter(() -> 0))) {
            long start = System.nanoTime();
            getItem(dynamo);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
        assertThat(stub.operations()).containsExactly("GetItem", "GetItem", "GetItem");
    }

    @Test
    void anErrorThatIsNotRetryableIsNotRetried() {
        stub.fail("GetItem", 400, "ValidationException", "bad key", 5);
        try (DynamoDbClient dynamo = stub.client(AwsRetries.STANDARD.withJitter(() -> 0))) {
            assertThatThrownBy(() -> getItem(dynamo)).isInstanceOf(SdkServiceException.class);
        }
        assertThat(stub.operations()).hasSize(1);
    }

    @Test
    void theStrategyAsksForTheDocumentedWindows() {
        AtomicInteger draws = new AtomicInteger();
        AwsRetries counting = AwsRetries.STANDARD.withJitter(() -> {
            draws.incrementAndGet();
            return WHOLE_WINDOW;
        });
        stub.fail("GetItem", 400, "ThrottlingException", "Rate exceeded", 50);
        try (DynamoDbClient dynamo = stub.client(counting)) {
            assertThatThrownBy(() -> getItem(dynamo)).isInstanceOf(SdkServiceException.class);
        }
        assertThat(draws.get()).as("one jittered wait per retry").isEqualTo(2);
        assertThat(AwsRetries.window(Duration.ofSeconds(1), Duration.ofSeconds(5), 1)).isZero();
        assertThat(AwsRetries.window(Duration.ofSeconds(1), Duration.ofSeconds(5), 2)).isEqualTo(Duration.ofSeconds(1));
        assertThat(AwsRetries.window(Duration.ofSeconds(1), Duration.ofSeconds(5), 3)).isEqualTo(Duration.ofSeconds(2));
        assertThat(AwsRetries.window(Duration.ofSeconds(1), Duration.ofSeconds(5), 5)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void theWorstCaseOfOneCallIsWellBelowTheShortestFunctionTimeout() {
        // the small functions' default timeout (template.yaml DefaultTimeoutSeconds); the registry test
        // checks every function against its own timeout
        assertThat(AwsClients.worstCaseCall()).isEqualTo(Duration.ofSeconds(39));
        assertThat(AwsClients.worstCaseCall().multipliedBy(3)).isLessThan(Duration.ofSeconds(120));
    }
}
