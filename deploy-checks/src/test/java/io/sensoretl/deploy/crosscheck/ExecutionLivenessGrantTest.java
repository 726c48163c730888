package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * record-run asks Step Functions whether the execution holding a run still runs
 * ({@code StepFunctionsExecutions}: DescribeExecution): its role allows exactly that action, on the
 * executions of this stack's state machine only, and no other function may call Step Functions.
 */
class ExecutionLivenessGrantTest {
    static final String RECORD_RUN = "RecordRunFunction";

    /** The resources record-run's role may call states:* on, as written; fails when another states action is allowed. */
    static List<String> stepFunctionsGrants(Template t) {
        List<String> resources = new ArrayList<>();
        List<String> notUnderstood = new ArrayList<>();
        for (Statement s : Policies.ofRole(t, RECORD_RUN, notUnderstood)) {
            if (s.allowsServiceAction("states")) {
                assertThat(s.actions()).as("%s: the Step Functions actions record-run may call", s.where())
                        .containsExactly("states:DescribeExecution");
                s.resources().forEach(r -> resources.add(r.has("Fn::Sub") ? r.get("Fn::Sub").asText() : r.toString()));
            }
        }
        assertThat(notUnderstood).isEmpty();
        return resources;
    }

    static String executionsOfTheStateMachine(Template t) {
        JsonNode name = t.resourcesOfType("AWS::Serverless::StateMachine").values().iterator().next()
                .path("Properties").path("Name").path("Fn::Sub");
        assertThat(name.isTextual()).as("the state machine's Name is a !Sub").isTrue();
        return "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:" + name.asText() + ":*";
    }

    @Test
    void recordRunMayDescribeTheExecutionsOfItsStateMachineOnly() {
        Template t = Repo.template();
        assertThat(stepFunctionsGrants(t)).containsExactly(executionsOfTheStateMachine(t));
    }

    @Test
    void noOtherFunctionMayCallStepFunctions() {
        Template t = Repo.template();
        List<String> others = new ArrayList<>();
        t.resourcesOfType("AWS::Serverless::Function").keySet().stream().filter(id -> !id.equals(RECORD_RUN)).forEach(id ->
                Policies.ofRole(t, id, new ArrayList<>()).stream().filter(s -> s.allowsServiceAction("states"))
                        .forEach(s -> others.add(s.where())));
        assertThat(others).isEmpty();
    }

    @Test
    void aGrantOnEveryExecutionOfTheAccountIsCaught() {
        Template t = Repo.mutated(
                "execution:${AWS::StackName}-sensor-etl:*\"\n            - !If",
                "execution:*\"\n            - !If");
        assertThat(stepFunctionsGrants(t)).doesNotContain(executionsOfTheStateMachine(t));
    }

    @Test
    void aMissingGrantIsCaught() {
        Template t = Repo.mutated("              Action: states:DescribeExecution\n", "              Action: dynamodb:GetItem\n");
        assertThat(stepFunctionsGrants(t)).isEmpty();
    }
}
