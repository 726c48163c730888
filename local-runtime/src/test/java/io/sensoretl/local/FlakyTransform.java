package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.lambda.WorkflowError;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Fault injection around the transform function, bound in tests only: some chunks fail with a
 * transient S3 client error a given number of times before they work, some fail permanently until
 * {@link #repair()} is called (the bug is fixed, the chunks can be redriven). The faults are thrown
 * as the handler's edge would report them ({@link WorkflowError#translate}).
 */
final class FlakyTransform implements HandlerDecorator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Set<Integer> transient_;
    private final int transientFailures;
    private final Set<Integer> permanent;
    private final AtomicBoolean broken = new AtomicBoolean(true);
    private final Map<Integer, AtomicInteger> calls = new ConcurrentHashMap<>();

    FlakyTransform(Set<Integer> transientChunks, int transientFailures, Set<Integer> permanentChunks) {
        this.transient_ = transientChunks;
        this.transientFailures = transientFailures;
        this.permanent = permanentChunks;
    }

    void repair() {
        broken.set(false);
    }

    int calls(int chunk) {
        return calls.getOrDefault(chunk, new AtomicInteger()).get();
    }

    @Override
    public RequestStreamHandler decorate(LambdaFunction function, RequestStreamHandler handler) {
        if (function != LambdaFunction.TRANSFORM) {
            return handler;
        }
        return (in, out, context) -> {
            byte[] event = in.readAllBytes();
            JsonNode node = JSON.readTree(event);
            int chunk = node.path("chunk").path("index").asInt(-1);
            int call = calls.computeIfAbsent(chunk, c -> new AtomicInteger()).incrementAndGet();
            if (transient_.contains(chunk) && call <= transientFailures) {
                throw WorkflowError.translate(
                        SdkClientException.create("Unable to execute HTTP request: Connection reset (injected, call " + call + ")"));
            }
            if (permanent.contains(chunk) && broken.get()) {
                throw WorkflowError.translate(new IllegalStateException("injected permanent failure of chunk " + chunk));
            }
            handler.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
        };
    }
}
