package io.sensoretl.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class BackoffTest {
    private static AwsServiceException error(String code, int status) {
        return AwsServiceException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void waitsGrowExponentiallyUpToTheCapWithJitterApplied() {
        List<Duration> slept = new ArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(8, Duration.ofMillis(100), Duration.ofMillis(1000), slept::add, () -> 0.5);

        String result = backoff.call("op", () -> {
            if (calls.incrementAndGet() < 7) {
                throw error("ThrottlingException", 400);
            }
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(slept).extracting(Duration::toMillis).containsExactly(50L, 100L, 200L, 400L, 500L, 500L);
    }

    @Test
    void errorsOtherThanThrottlingAreNotRetried() {
        List<Duration> slept = new ArrayList<>();
        Backoff backoff = new Backoff(5, Duration.ofMillis(100), Duration.ofSeconds(1), slept::add, () -> 1.0);

        assertThatThrownBy(() -> backoff.call("op", () -> {
            throw error("ValidationException", 400);
        })).isInstanceOf(AwsServiceException.class).hasMessageContaining("ValidationException");
        assertThat(slept).isEmpty();
    }

    @Test
    void http429CountsAsThrottling() {
        AtomicInteger calls = new AtomicInteger();
        Backoff backoff = new Backoff(3, Duration.ofMillis(10), Duration.ofSeconds(1), d -> {}, () -> 1.0);

        assertThatThrownBy(() -> backoff.call("glue GetPartitions", () -> {
            calls.incrementAndGet();
            throw error("TooManyRequests", 429);
        })).isInstanceOf(Backoff.ThrottledException.class).hasMessageContaining("glue GetPartitions");
        assertThat(calls).hasValue(3);
    }
}
