package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.chunk.SourceChangedException;
import io.sensoretl.chunk.SourceMissingException;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.compact.PartitionBusyException;
import io.sensoretl.contract.ContractException;
import io.sensoretl.contract.ContractProblem;
import io.sensoretl.ledger.LedgerConflictException;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class WorkflowErrorTest {

    private static S3Exception s3(int status, String code) {
        return (S3Exception) S3Exception.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).serviceName("S3").build()).build();
    }

    /**
     * Lambda's Java runtime reports an unhandled exception with {@code errorType = throwable.getClass().getName()}
     * (aws-lambda-java-runtime-interface-client, LambdaErrorConverter.fromThrowable); the local engine does the
     * same. So the class name of what a handler throws is the error name the state machine sees.
     */
    @ParameterizedTest
    @EnumSource(WorkflowError.class)
    void theExceptionOfEachErrorIsReportedUnderTheErrorsName(WorkflowError error) {
        RuntimeException thrown = WorkflowError.translate(new Probe(error).exception());
        assertThat(thrown.getClass().getName()).isEqualTo(error.errorName()).startsWith("SensorEtl.");
        assertThat(((WorkflowException) thrown).error()).isEqualTo(error);
        assertThat(WorkflowError.named(error.errorName())).contains(error);
    }

    /** Builds an exception that classifies as the given error, to go through {@link WorkflowError#translate}. */
    private record Probe(WorkflowError error) {
        Throwable exception() {
            return switch (error) {
                case TRANSIENT -> SdkClientException.create("Unable to execute HTTP request: Connection reset");
                case THROTTLED -> s3(503, "SlowDown");
                case BUSY -> new PartitionBusyException("readings", "2024-03-01", "run-1");
                case SOURCE_MISSING -> new SourceMissingException("s3://b/k does not exist", null);
                case SOURCE_CHANGED -> new SourceChangedException("s3://b/k changed", null);
                case BAD_INPUT -> new IllegalArgumentException("missing 'runId' in the event");
                case CONFLICT -> new LedgerConflictException(new SourceVersion("b", "k", "e"), "exec-2",
                        new RunRecord(new SourceVersion("b", "k", "e"), "run-1", RunState.RUNNING, "exec-1", Instant.EPOCH, null, 1,
                                null, List.of(), null));
                case INTERNAL -> new NullPointerException("a bug");
            };
        }
    }

    @Test
    void domainExceptionsAndThrottlingAnywhereInTheChainDecide() {
        assertThat(WorkflowError.classify(new UncheckedIOException(new IOException("stream", new SourceChangedException("x", null)))))
                .isEqualTo(WorkflowError.SOURCE_CHANGED);
        assertThat(WorkflowError.classify(new IllegalStateException("wrapped", new SourceMissingException("x", null))))
                .isEqualTo(WorkflowError.SOURCE_MISSING);
        ProvisionedThroughputExceededException throttled = ProvisionedThroughputExceededException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode("ProvisionedThroughputExceededException").build()).build();
        assertThat(WorkflowError.classify(new CompletionException(throttled))).isEqualTo(WorkflowError.THROTTLED);
        assertThat(WorkflowError.classify(new IllegalArgumentException("bad", s3(400, "ThrottlingException"))))
                .isEqualTo(WorkflowError.THROTTLED);
        assertThat(WorkflowError.classify(new PartitionConflictException("readings", "2024-03-01", "s3://a/", "s3://b/")))
                .isEqualTo(WorkflowError.BUSY);
    }

    @Test
    void theServiceAnsweringDecidesBetweenTransientAndInternal() {
        assertThat(WorkflowError.classify(s3(500, "InternalError"))).isEqualTo(WorkflowError.TRANSIENT);
        assertThat(WorkflowError.classify(s3(403, "AccessDenied"))).isEqualTo(WorkflowError.INTERNAL);
        assertThat(WorkflowError.classify(s3(404, "NoSuchKey"))).as("a missing object that is not the source")
                .isEqualTo(WorkflowError.INTERNAL);
        assertThat(WorkflowError.classify(ApiCallTimeoutException.create(30_000))).isEqualTo(WorkflowError.TRANSIENT);
        assertThat(WorkflowError.classify(new UncheckedIOException(new SocketTimeoutException("Read timed out"))))
                .isEqualTo(WorkflowError.TRANSIENT);
        assertThat(WorkflowError.classify(new IOException("Connection reset"))).isEqualTo(WorkflowError.TRANSIENT);
    }

    @Test
    void inputThatCannotBeProcessedIsBadInputAndEverythingElseInternal() {
        assertThat(WorkflowError.classify(new JsonParseException(null, "Unexpected character"))).isEqualTo(WorkflowError.BAD_INPUT);
        assertThat(WorkflowError.classify(new ContractException("s3://b/contracts/c.yaml",
                List.of(new ContractProblem("/format", "unknown format 'xml'"))))).isEqualTo(WorkflowError.BAD_INPUT);
        assertThat(WorkflowError.classify(new IllegalStateException("environment variable LEDGER_TABLE is not set")))
                .isEqualTo(WorkflowError.INTERNAL);
        assertThat(WorkflowError.classify(new RuntimeException(new RuntimeException()))).isEqualTo(WorkflowError.INTERNAL);
    }

    @Test
    void theTranslationKeepsTheCauseItsStackAndWhatFailed() {
        SdkClientException cause = SdkClientException.create("Unable to execute HTTP request: Connection reset");
        RuntimeException thrown = WorkflowError.translate(cause);
        assertThat(thrown).isInstanceOf(SensorEtl.Transient.class).hasCause(cause)
                .hasMessage("software.amazon.awssdk.core.exception.SdkClientException: Unable to execute HTTP request: Connection reset");
        assertThat(thrown.getStackTrace()).isEqualTo(cause.getStackTrace());

        RuntimeException ours = WorkflowError.translate(new IllegalArgumentException("missing 'runId' in the event {}"));
        assertThat(ours).isInstanceOf(SensorEtl.BadInput.class).hasMessage("missing 'runId' in the event {}");

        assertThat(WorkflowError.translate(thrown)).as("already translated").isSameAs(thrown);
    }
}
