package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.DefinitionParseException;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.runtime.EngineServices;
import io.sensoretl.asl.runtime.ExecutionControl;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.History;
import io.sensoretl.asl.runtime.Inspection;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.services.TaskMocks;
import io.sensoretl.asl.states.MachineParser;
import io.sensoretl.asl.states.StateTester;
import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.asl.validation.Problem;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;

/** TestState: one state, run once in an execution of its own, reported as the API reports it. */
final class StateTests {
    /** The name a state given alone is tested under. */
    static final String DEFAULT_NAME = "TestState";

    private StateTests() {}

    /**
     * The state to test, parsed: from a definition with "States" (then {@code stateName} names the state, default
     * StartAt), or a state definition alone.
     *
     * @throws InvalidDefinitionException naming what is wrong
     */
    static State parse(JsonNode definition, String stateName) {
        if (definition == null || !definition.isObject()) {
            throw new InvalidDefinitionException(List.of(new Problem("", "the definition must be a JSON object")));
        }
        JsonNode machine;
        String name;
        if (definition.has("States")) {
            machine = definition;
            name = stateName != null ? stateName : definition.path("StartAt").asText();
            if (!definition.path("States").has(name)) {
                throw new InvalidDefinitionException(List.of(new Problem("/States",
                        "the definition has no top-level state named '" + name + "'")));
            }
        } else {
            name = stateName != null ? stateName : DEFAULT_NAME;
            machine = alone(definition, name);
        }
        List<Problem> problems = DefinitionValidator.validate(machine);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        try {
            StateMachineDefinition parsed = MachineParser.parse(machine);
            return parsed.state(name);
        } catch (DefinitionParseException e) {
            throw new InvalidDefinitionException(List.of(new Problem(e.pointer(), e.getMessage())));
        }
    }

    /** A machine holding just this state, with a Succeed state standing in for each state it may go to. */
    private static JsonNode alone(JsonNode state, String name) {
        ObjectNode machine = Json.object();
        if (state.has("QueryLanguage")) {
            machine.put("QueryLanguage", state.get("QueryLanguage").asText());
        }
        machine.put("StartAt", name);
        ObjectNode states = machine.putObject("States");
        states.set(name, state);
        Set<String> targets = new LinkedHashSet<>();
        target(state.get("Next"), targets);
        target(state.get("Default"), targets);
        state.path("Choices").forEach(c -> target(c.get("Next"), targets));
        state.path("Catch").forEach(c -> target(c.get("Next"), targets));
        targets.remove(name);
        targets.forEach(t -> states.putObject(t).put("Type", "Succeed"));
        return machine;
    }

    private static void target(JsonNode next, Set<String> into) {
        if (next != null && next.isTextual()) {
            into.add(next.textValue());
        }
    }


    static TestStateResult run(EngineServices services, TestStateRequest request) {
        State state = parse(request.definition(), request.stateName());
        if (request.mock() != null && !(state instanceof TaskState)) {
            throw new IllegalArgumentException("State type '" + state.common().type()
                    + "' is not supported when a mock is specified (the local service mocks Task states)");
        }
        JsonNode input = request.input() == null ? Json.object() : request.input();
        ExecutionInfo info = new ExecutionInfo("aws", AslEngine.DEFAULT_REGION, AslEngine.DEFAULT_ACCOUNT, "TestStateMachine",
                services.uuids().get(), "arn:aws:iam::" + AslEngine.DEFAULT_ACCOUNT + ":role/local-step-functions",
                services.time().now(), input);
        MockedResponse mock = request.mock();
        TaskMocks mocks = mock == null ? null : new TaskMocks() {
            @Override
            public boolean mocks(String stateName) {
                return true;
            }

            @Override
            public MockedResponse response(String stateName, int invocation) {
                return mock;
            }
        };
        ExecutionRuntime runtime = ExecutionRuntime.of(services, info, new History(services.time()), List.of(), null,
                new ExecutionControl(), mocks, Map.of(), () -> { });
        Inspection inspection = new Inspection(Math.max(0, request.retrierRetryCount()), request.context());
        StateTester.Outcome outcome = StateTester.run(state, input, StateTester.frame(runtime, request.variables()),
                inspection);
        TestStateResult.Status status;
        if (outcome.failure() != null) {
            status = inspection.retryIndex() != null ? TestStateResult.Status.RETRIABLE : TestStateResult.Status.FAILED;
        } else {
            status = inspection.catchIndex() != null ? TestStateResult.Status.CAUGHT_ERROR : TestStateResult.Status.SUCCEEDED;
        }
        ObjectNode data = inspection.data();
        ObjectNode errorDetails = Json.object();
        if (inspection.retryIndex() != null) {
            errorDetails.put("retryIndex", inspection.retryIndex());
            errorDetails.put("retryBackoffIntervalSeconds", inspection.retryBackoffSeconds());
        }
        if (inspection.catchIndex() != null) {
            errorDetails.put("catchIndex", inspection.catchIndex());
        }
        JsonNode inspectionData;
        if (request.inspectionLevel() == null || request.inspectionLevel() == TestStateRequest.InspectionLevel.INFO) {
            inspectionData = errorDetails.isEmpty() ? null : Json.object().set("errorDetails", errorDetails);
        } else {
            if (!errorDetails.isEmpty()) {
                data.set("errorDetails", errorDetails);
            }
            inspectionData = data;
        }
        String error = outcome.failure() == null ? null : outcome.failure().error();
        String cause = outcome.failure() == null ? null : outcome.failure().cause();
        if (status == TestStateResult.Status.CAUGHT_ERROR) {
            // the caught error is reported along with where the catcher goes and its output
            error = inspection.caughtError();
            cause = inspection.caughtCause();
        }
        return new TestStateResult(status, outcome.output(), error, cause, outcome.nextState(), inspectionData);
    }
}
