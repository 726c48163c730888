package io.sensoretl.asl.task;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.LambdaFunctionError;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.time.DeadlineExceeded;
import io.sensoretl.asl.time.TimeSource;
import io.sensoretl.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.function.Supplier;

/** Invokes an in-process handler with Lambda's semantics: JSON in and out, unhandled errors as error payloads. */
public final class LambdaInvoker {
    private static final long DEFAULT_FUNCTION_TIMEOUT_SECONDS = 900;
    private static final int FUNCTION_MEMORY_MB = 128;
    private final LambdaFunctions functions;
    private final TimeSource time;
    private final Supplier<String> requestIds;

    public LambdaInvoker(LambdaFunctions functions, TimeSource time, Supplier<String> requestIds) {
        this.functions = functions;
        this.time = time;
        this.requestIds = requestIds;
    }

    public LambdaFunctions functions() {
        return functions;
    }

    /** The outcome of one invocation: either a payload, or an error payload (FunctionError: Unhandled). */
    public record Result(JsonNode payload, String errorType, JsonNode errorPayload) {
        public boolean failed() {
            return errorType != null;
        }
    }

    public Result invoke(String functionNameOrArn, JsonNode payload, Instant taskDeadline) {
        Object handler = functions.find(functionNameOrArn).orElse(null);
        if (handler == null) {
            return null;
        }
        String requestId = requestIds.get();
        Instant deadline = time.now().plusSeconds(DEFAULT_FUNCTION_TIMEOUT_SECONDS);
        if (taskDeadline != null && taskDeadline.isBefore(deadline)) {
            deadline = taskDeadline;
        }
        // the handler's remaining time follows the engine's clock (virtual time in tests and the conformance runs)
        LocalContext context = new LocalContext(requestId, LambdaFunctions.nameOf(functionNameOrArn),
                functions.arnOf(functionNameOrArn), deadline, time::now, FUNCTION_MEMORY_MB);
        try {
            return new Result(call(handler, payload, context), null, null);
        } catch (DeadlineExceeded e) {
            throw e;
        } catch (LambdaFunctionError e) {
            return new Result(null, e.errorType(), errorPayload(e.errorType(), e.getMessage(), requestId, e.stackTrace()));
        } catch (FailureException e) {
            throw e;
        } catch (RuntimeException | Error e) {
            ArrayNode trace = Json.array();
            for (StackTraceElement el : e.getStackTrace()) {
                trace.add(el.toString());
            }
            String type = e.getClass().getName();
            return new Result(null, type, errorPayload(type, e.getMessage(), null, trace));
        }
    }

    private static ObjectNode errorPayload(String type, String message, String requestId, JsonNode trace) {
        ObjectNode o = Json.object();
        o.put("errorMessage", message);
        o.put("errorType", type);
        if (requestId != null) {
            o.put("requestId", requestId);
        }
        if (trace != null) {
            o.set("stackTrace", trace);
        }
        return o;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode call(Object handler, JsonNode payload, Context context) {
        if (handler instanceof RequestStreamHandler stream) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                stream.handleRequest(new ByteArrayInputStream(Json.write(payload).getBytes(StandardCharsets.UTF_8)), out,
                        context);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            String text = out.toString(StandardCharsets.UTF_8);
            return text.isBlank() ? Json.NODES.nullNode() : Json.parse(text);
        }
        RequestHandler h = (RequestHandler) handler;
        Object input = Json.MAPPER.convertValue(payload, inputType(h));
        Object output = h.handleRequest(input, context);
        return output == null ? Json.NODES.nullNode() : Json.MAPPER.valueToTree(output);
    }

    private static JavaType inputType(RequestHandler<?, ?> handler) {
        for (Method m : handler.getClass().getMethods()) {
            if (m.getName().equals("handleRequest") && !m.isBridge() && m.getParameterCount() == 2) {
                Type t = m.getGenericParameterTypes()[0];
                return Json.MAPPER.getTypeFactory().constructType(t);
            }
        }
        return Json.MAPPER.getTypeFactory().constructType(Object.class);
    }
}
