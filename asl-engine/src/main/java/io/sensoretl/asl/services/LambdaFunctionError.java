package io.sensoretl.asl.services;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Thrown by a handler to control the error payload exactly (errorType, errorMessage, stackTrace),
 * as a function in another runtime would report it. Other exceptions are reported the way the
 * Java Lambda runtime reports them.
 */
public class LambdaFunctionError extends RuntimeException {
    private final String errorType;
    private final JsonNode stackTrace;

    public LambdaFunctionError(String errorType, String errorMessage, JsonNode stackTrace) {
        super(errorMessage);
        this.errorType = errorType;
        this.stackTrace = stackTrace;
    }

    public String errorType() {
        return errorType;
    }

    public JsonNode stackTrace() {
        return stackTrace;
    }
}
