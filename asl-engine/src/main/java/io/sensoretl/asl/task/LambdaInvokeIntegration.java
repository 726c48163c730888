package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import java.util.function.Supplier;

/** arn:aws:states:::lambda:invoke — the optimized integration: the result wraps the payload with StatusCode and metadata. */
public final class LambdaInvokeIntegration implements TaskResource {
    public static final String RESOURCE = "arn:aws:states:::lambda:invoke";
    private final LambdaInvoker invoker;
    private final Supplier<String> requestIds;

    public LambdaInvokeIntegration(LambdaInvoker invoker, Supplier<String> requestIds) {
        this.invoker = invoker;
        this.requestIds = requestIds;
    }

    @Override
    public boolean handles(String resource) {
        return resource.equals(RESOURCE);
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        JsonNode params = request.parameters();
        JsonNode fn = params == null ? null : params.get("FunctionName");
        if (fn == null || !fn.isTextual()) {
            throw new FailureException(StatesErrorName.RUNTIME,
                    "The field 'FunctionName' is required by " + RESOURCE + " in state '" + request.stateName() + "'");
        }
        JsonNode payload = params.get("Payload");
        if (payload == null || payload.isNull()) {
            payload = Json.object();
        } else if (payload.isTextual()) {
            // a string Payload is sent as the request body itself, so the function receives its JSON value
            try {
                payload = Json.parse(payload.textValue());
            } catch (IllegalArgumentException notJson) {
                throw new FailureException("Lambda.InvalidRequestContentException", "Could not parse request body "
                        + "into json: the Payload string is not JSON (Service: AWSLambda; Status Code: 400; "
                        + "Error Code: InvalidRequestContentException)");
            }
        }
        LambdaInvoker.Result result = invoker.invoke(fn.textValue(), payload, request.deadline());
        if (result == null) {
            throw LambdaErrors.notFound(LambdaFunctions.arnOf(fn.textValue(), request.region(), request.account()),
                    requestIds.get());
        }
        if (result.failed()) {
            throw LambdaErrors.unhandled(result);
        }
        PayloadLimit.check(result.payload(), "lambda");
        return wrap(result.payload(), requestIds.get());
    }

    private static JsonNode wrap(JsonNode payload, String requestId) {
        ObjectNode out = Json.object();
        out.put("ExecutedVersion", "$LATEST");
        out.set("Payload", payload);
        String length = String.valueOf(Json.byteSize(payload));
        ObjectNode http = out.putObject("SdkHttpMetadata");
        ObjectNode all = http.putObject("AllHttpHeaders");
        all.putArray("X-Amz-Executed-Version").add("$LATEST");
        all.putArray("x-amzn-Remapped-Content-Length").add("0");
        all.putArray("Connection").add("keep-alive");
        all.putArray("x-amzn-RequestId").add(requestId);
        all.putArray("Content-Length").add(length);
        all.putArray("Content-Type").add("application/json");
        ObjectNode headers = http.putObject("HttpHeaders");
        headers.put("Connection", "keep-alive");
        headers.put("Content-Length", length);
        headers.put("Content-Type", "application/json");
        headers.put("X-Amz-Executed-Version", "$LATEST");
        headers.put("x-amzn-Remapped-Content-Length", "0");
        headers.put("x-amzn-RequestId", requestId);
        http.put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", requestId);
        out.put("StatusCode", 200);
        return out;
    }
}
