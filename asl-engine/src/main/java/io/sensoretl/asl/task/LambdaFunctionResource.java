package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import java.util.function.Supplier;

/** A plain Lambda ARN as Resource: the state's input is the payload and the function's output is the result. */
public final class LambdaFunctionResource implements TaskResource {
    private final LambdaInvoker invoker;
    private final Supplier<String> requestIds;

    public LambdaFunctionResource(LambdaInvoker invoker, Supplier<String> requestIds) {
        this.invoker = invoker;
        this.requestIds = requestIds;
    }

    @Override
    public boolean handles(String resource) {
        return resource.startsWith("arn:") && resource.contains(":lambda:") && resource.contains(":function:");
    }

    @Override
    public boolean recordsAsLambdaFunction(String resource) {
        return true;
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        JsonNode payload = request.parameters() == null ? Json.NODES.nullNode() : request.parameters();
        LambdaInvoker.Result result = invoker.invoke(request.resource(), payload, request.deadline());
        if (result == null) {
            throw LambdaErrors.notFound(LambdaFunctions.arnOf(request.resource(), request.region(), request.account()),
                    requestIds.get());
        }
        if (result.failed()) {
            throw LambdaErrors.unhandled(result);
        }
        return PayloadLimit.check(result.payload(), request.resource());
    }
}
