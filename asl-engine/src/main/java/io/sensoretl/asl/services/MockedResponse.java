package io.sensoretl.asl.services;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What a mocked Task invocation does: return {@code result} (the resource's raw result, before ResultSelector,
 * ResultPath or Output) or throw {@code error}/{@code cause} as a task failure that Retry and Catch see.
 */
public record MockedResponse(JsonNode result, String error, String cause) {
    public static MockedResponse returning(JsonNode result) {
        return new MockedResponse(Objects.requireNonNull(result, "result"), null, null);
    }

    public static MockedResponse throwing(String error, String cause) {
        return new MockedResponse(null, Objects.requireNonNull(error, "error"), cause);
    }

    public boolean throwsError() {
        return error != null;
    }
}
