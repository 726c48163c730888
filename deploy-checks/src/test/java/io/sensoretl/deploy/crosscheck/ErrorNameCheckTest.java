package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.lambda.WorkflowError;
import java.util.List;
import org.junit.jupiter.api.Test;

class ErrorNameCheckTest {

    private static List<String> check(String definition) {
        return ErrorNameCheck.check(Repo.DEFINITION_URI, definition, WorkflowError.names());
    }

    @Test
    void theProductionDefinitionMatchesOnlyErrorsTheFunctionsOrTheServicesRaise() {
        assertThat(check(Repo.definition())).isEmpty();
        assertThat(Repo.definition()).as("the definition uses the vocabulary")
                .contains("\"SensorEtl.Transient\"", "\"SensorEtl.Throttled\"", "\"SensorEtl.Busy\"", "\"SensorEtl.SourceMissing\"");
    }

    @Test
    void aJavaClassNameInARetryIsReported() {
        // only the first of the compaction states' Busy retries (Plan compaction, Group task, Slice task, Publish partitions)
        String busy = "\"ErrorEquals\": [\"SensorEtl.Busy\", \"SensorEtl.Throttled\"]";
        String shipped = Repo.definition();
        int at = shipped.indexOf(busy);
        assertThat(at).as("the definition retries SensorEtl.Busy").isNotNegative();
        String definition = shipped.substring(0, at)
                + "\"ErrorEquals\": [\"io.sensoretl.compact.PartitionBusyException\", \"SensorEtl.Throttled\"]"
                + shipped.substring(at + busy.length());
        assertThat(check(definition)).singleElement().asString()
                .startsWith(Repo.DEFINITION_URI + ": state 'Plan compaction' Retry[1] matches"
                        + " 'io.sensoretl.compact.PartitionBusyException', which the functions cannot raise");
    }

    @Test
    void aNameInsideTheDistributedMapIsCheckedToo() {
        String definition = Repo.definition().replace("\"ErrorEquals\": [\"SensorEtl.SourceMissing\"],\n"
                + "                \"IntervalSeconds\"", "\"ErrorEquals\": [\"SensorEtl.SourceGone\"],\n"
                + "                \"IntervalSeconds\"");
        assertThat(definition).isNotEqualTo(Repo.definition());
        assertThat(check(definition)).singleElement().asString()
                .contains("state 'Transform chunk' Retry[2] matches 'SensorEtl.SourceGone'");
    }

    @Test
    void aMisspeltStatesErrorIsReportedAndLambdaErrorsAreAccepted() {
        String definition = """
                {"StartAt": "T", "States": {"T": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                  "Retry": [{"ErrorEquals": ["Lambda.Unknown", "Lambda.TooManyRequestsException", "States.Timeout"]}],
                  "Catch": [{"ErrorEquals": ["States.All"], "Next": "F"}], "End": true},
                 "F": {"Type": "Fail"}}}""";
        assertThat(check(definition)).containsExactly(
                Repo.DEFINITION_URI + ": state 'T' Catch[0] matches 'States.All', which is not an error Step Functions raises");
    }
}
