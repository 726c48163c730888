package io.sensoretl.asl.services;

import com.fasterxml.jackson.databind.JsonNode;

/** A Task `Resource` implementation. Implementations throw FailureException for task failures. */
public interface TaskResource {
    boolean handles(String resource);

    /** Lambda ARNs record LambdaFunction* events, service integrations Task* events. */
    default boolean recordsAsLambdaFunction(String resource) {
        return false;
    }

    JsonNode invoke(TaskRequest request);
}
