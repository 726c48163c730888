package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.TestStateRequest;
import io.sensoretl.asl.engine.TestStateRequest.InspectionLevel;
import io.sensoretl.asl.engine.TestStateResult;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import java.util.List;
import java.util.function.Supplier;

/**
 * TestState: AWS's request (definition, roleArn, input, inspectionLevel, revealSecrets, variables, stateName, mock,
 * context, stateConfiguration.retrierRetryCount) run by the engine's TestState, answered in AWS's shape (output,
 * error, cause, inspectionData, nextState, status). Nothing is kept: the state runs once, in an execution of its own.
 */
final class TestStateAction {
    private static final List<String> UNSUPPORTED_CONFIGURATION = List.of("errorCausedByState",
            "mapIterationFailureCount", "mapItemReaderData");

    /** The engine TestState runs on (its Lambda bindings serve an unmocked Task); built at the first TestState. */
    private final Supplier<AslEngine> engine;

    TestStateAction(Supplier<AslEngine> engine) {
        this.engine = engine;
    }

    JsonNode call(JsonNode r) {
        JsonNode definition;
        try {
            definition = Json.parse(StepFunctionsService.required(r, "definition"));
        } catch (IllegalArgumentException e) {
            throw SfnException.of("InvalidDefinition", "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                    + e.getMessage() + "'");
        }
        if (r.hasNonNull("roleArn") && !text(r, "roleArn").startsWith("arn:")) {
            throw SfnException.of("InvalidArn", "Invalid Arn: '" + text(r, "roleArn") + "' (roleArn must be an IAM role ARN)");
        }
        JsonNode input = null;
        if (r.hasNonNull("input")) {
            try {
                input = Json.parse(text(r, "input"));
            } catch (IllegalArgumentException e) {
                throw SfnException.of("InvalidExecutionInput", "Invalid State Machine Execution Input: '"
                        + e.getMessage() + "'");
            }
        }
        TestStateRequest request = new TestStateRequest(definition, r.hasNonNull("stateName") ? text(r, "stateName") : null,
                input, level(r), object(r, "variables"), object(r, "context"), mock(r.get("mock")), retries(r));
        TestStateResult result;
        try {
            result = engine.get().testState(request);
        } catch (InvalidDefinitionException e) {
            throw StepFunctionsService.invalidDefinition(e);
        } catch (IllegalArgumentException e) {
            throw SfnException.validation(e.getMessage());
        }
        ObjectNode o = Json.object();
        if (result.output() != null) {
            o.put("output", Json.write(result.output()));
        }
        if (result.error() != null) {
            o.put("error", result.error());
        }
        if (result.cause() != null) {
            o.put("cause", result.cause());
        }
        if (result.inspectionData() != null) {
            o.set("inspectionData", result.inspectionData());
        }
        if (result.nextState() != null) {
            o.put("nextState", result.nextState());
        }
        o.put("status", result.status().name());
        return o;
    }

    private static InspectionLevel level(JsonNode r) {
        if (!r.hasNonNull("inspectionLevel")) {
            return InspectionLevel.INFO;
        }
        String level = text(r, "inspectionLevel");
        try {
            return InspectionLevel.valueOf(level);
        } catch (IllegalArgumentException e) {
            throw SfnException.validation("1 validation error detected: Value '" + level + "' at 'inspectionLevel' "
                    + "failed to satisfy constraint: Member must satisfy enum value set: [INFO, DEBUG, TRACE]");
        }
    }

    /** variables and context: JSON objects sent as text. */
    private static JsonNode object(JsonNode r, String field) {
        if (!r.hasNonNull(field)) {
            return null;
        }
        JsonNode value;
        try {
            value = Json.parse(text(r, field));
        } catch (IllegalArgumentException e) {
            throw SfnException.validation("'" + field + "' is not JSON: " + e.getMessage());
        }
        if (!value.isObject()) {
            throw SfnException.validation("'" + field + "' must be a JSON object, found " + value.getNodeType());
        }
        return value;
    }

    /** mock: {result} (the resource's raw result, as JSON text) or {errorOutput: {error, cause}}. */
    private static MockedResponse mock(JsonNode mock) {
        if (mock == null || mock.isNull()) {
            return null;
        }
        boolean result = mock.hasNonNull("result");
        boolean error = mock.hasNonNull("errorOutput");
        if (result == error) {
            throw SfnException.validation("'mock' must have exactly one of 'result' and 'errorOutput'");
        }
        if (result) {
            try {
                return MockedResponse.returning(Json.parse(text(mock, "result")));
            } catch (IllegalArgumentException e) {
                throw SfnException.validation("'mock.result' is not JSON: " + e.getMessage());
            }
        }
        JsonNode out = mock.get("errorOutput");
        if (!out.hasNonNull("error")) {
            throw SfnException.validation("1 validation error detected: Value null at 'mock.errorOutput.error' failed "
                    + "to satisfy constraint: Member must not be null");
        }
        return MockedResponse.throwing(out.get("error").asText(), out.hasNonNull("cause") ? out.get("cause").asText() : null);
    }

    private static int retries(JsonNode r) {
        JsonNode config = r.get("stateConfiguration");
        if (config == null || config.isNull()) {
            return 0;
        }
        for (String field : UNSUPPORTED_CONFIGURATION) {
            if (config.hasNonNull(field)) {
                throw SfnException.validation("'stateConfiguration." + field + "' is not supported by the local Step "
                        + "Functions service's TestState; leave it out (supported: retrierRetryCount)");
            }
        }
        int count = config.path("retrierRetryCount").asInt(0);
        if (count < 0) {
            throw SfnException.validation("1 validation error detected: Value '" + count + "' at "
                    + "'stateConfiguration.retrierRetryCount' failed to satisfy constraint: Member must have value "
                    + "greater than or equal to 0");
        }
        return count;
    }

    private static String text(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (!v.isTextual()) {
            throw SfnException.of("SerializationException", "'" + field + "' must be a string, found " + v.getNodeType());
        }
        return v.asText();
    }
}
