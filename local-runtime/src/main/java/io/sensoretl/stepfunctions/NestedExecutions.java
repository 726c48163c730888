package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.engine.Execution;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import java.time.Instant;

/**
 * {@code arn:aws:states:::states:startExecution} (and {@code .sync}, {@code .sync:2}, {@code .waitForTaskToken}):
 * a Task that starts an execution of another state machine of the same local service, as Step Functions' own
 * integration does on AWS. Without a suffix it answers with the new execution's ARN and start date; {@code .sync}
 * waits for the execution and answers with DescribeExecution's fields in the integration's PascalCase (input and
 * output as JSON text), {@code .sync:2} the same with input and output as JSON. An execution that does not succeed
 * fails the task with {@code States.TaskFailed}, its cause that same description; a refused start fails it with
 * {@code StepFunctions.<code>Exception} (e.g. {@code StepFunctions.StateMachineDoesNotExistException}), as on AWS.
 * Dates are epoch milliseconds.
 */
final class NestedExecutions implements TaskResource {
    static final String RESOURCE = "arn:aws:states:::states:startExecution";

    /** The service's side: starts an execution as StartExecution does. */
    interface Starter {
        /** @throws SfnException as StartExecution would answer */
        Execution start(String stateMachineArn, String name, String input);
    }

    private final Starter starter;

    NestedExecutions(Starter starter) {
        this.starter = starter;
    }

    @Override
    public boolean handles(String resource) {
        return resource.equals(RESOURCE) || resource.equals(RESOURCE + ".sync") || resource.equals(RESOURCE + ".sync:2");
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        JsonNode p = request.parameters();
        if (p == null || !p.path("StateMachineArn").isTextual()) {
            throw new FailureException(StatesErrorName.RUNTIME, request.resource() + " in state '" + request.stateName()
                    + "' needs StateMachineArn (a string), got " + (p == null ? "no parameters" : Json.write(p)));
        }
        JsonNode input = p.get("Input");
        // the API takes the input as JSON text; an object or array is sent as its text, none as {}
        String inputText = input == null || input.isNull() ? "{}" : input.isTextual() ? input.textValue() : Json.write(input);
        String name = p.path("Name").isTextual() ? p.get("Name").textValue() : null;
        Execution started;
        try {
            started = starter.start(p.get("StateMachineArn").textValue(), name, inputText);
        } catch (SfnException e) {
            throw new FailureException("StepFunctions." + e.type() + (e.type().endsWith("Exception") ? "" : "Exception"),
                    e.getMessage() + " (Service: AWSStepFunctions; Status Code: " + e.status() + "; Error Code: " + e.type() + ")");
        }
        if (request.resource().equals(RESOURCE)) {
            ObjectNode out = Json.object();
            out.put("ExecutionArn", started.executionArn());
            out.put("StartDate", Instant.parse(started.record().startDate()).toEpochMilli());
            return out;
        }
        ExecutionResult result = started.await();
        ObjectNode described = describe(started.record(), result, request.resource().endsWith(".sync:2"));
        if (result.status() != ExecutionStatus.SUCCEEDED) {
            throw new FailureException(StatesErrorName.TASK_FAILED, Json.write(described));
        }
        return described;
    }

    private static ObjectNode describe(ExecutionRecord record, ExecutionResult result, boolean asJson) {
        ObjectNode o = Json.object();
        o.put("ExecutionArn", result.executionArn());
        if (asJson) {
            o.set("Input", record.input());
        } else {
            o.put("Input", Json.write(record.input()));
        }
        o.putObject("InputDetails").put("Included", true);
        o.put("Name", record.name());
        if (result.status() == ExecutionStatus.SUCCEEDED) {
            if (asJson) {
                o.set("Output", result.output());
            } else {
                o.put("Output", Json.write(result.output()));
            }
            o.putObject("OutputDetails").put("Included", true);
        }
        if (result.error() != null) {
            o.put("Error", result.error());
        }
        if (result.cause() != null) {
            o.put("Cause", result.cause());
        }
        o.put("StartDate", Instant.parse(record.startDate()).toEpochMilli());
        o.put("StateMachineArn", record.stateMachineArn());
        o.put("Status", result.status().name());
        if (record.stopDate() != null) {
            o.put("StopDate", Instant.parse(record.stopDate()).toEpochMilli());
        }
        return o;
    }
}
