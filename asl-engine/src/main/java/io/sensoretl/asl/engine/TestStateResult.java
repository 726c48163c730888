package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What TestState answers.
 *
 * @param nextState      the state the execution would go to; null when it would end or fail
 * @param inspectionData TestState's inspectionData (values as JSON text, errorDetails), or null at INFO level
 *                       when there is nothing to report
 */
public record TestStateResult(Status status, JsonNode output, String error, String cause, String nextState,
                              JsonNode inspectionData) {
    /** RETRIABLE: a Retrier would retry the error; CAUGHT_ERROR: a Catcher caught it (nextState is its Next). */
    public enum Status { SUCCEEDED, FAILED, RETRIABLE, CAUGHT_ERROR }
}
