package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.services.MockedResponse;

/**
 * What TestState runs: one state, given alone or within a whole definition ({@code stateName} then names it).
 *
 * @param input             the state's input (null: {})
 * @param variables         the variables the state sees (a JSON object), or null
 * @param context           context-object fields to show the state instead of the generated ones, or null
 * @param mock              the Task's result (or error) instead of calling its resource, or null
 * @param retrierRetryCount how many retries the matching retrier has made already (decides RETRIABLE)
 */
public record TestStateRequest(JsonNode definition, String stateName, JsonNode input, InspectionLevel inspectionLevel,
                               JsonNode variables, JsonNode context, MockedResponse mock, int retrierRetryCount) {
    /** INFO: the outcome; DEBUG: also the data after each processing step; TRACE: also HTTP request and response. */
    public enum InspectionLevel { INFO, DEBUG, TRACE }

    public static TestStateRequest of(JsonNode definition, JsonNode input) {
        return new TestStateRequest(definition, null, input, InspectionLevel.INFO, null, null, null, 0);
    }
}
