package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;

/**
 * A state run by TestState: it records the data after each processing step (input, afterInputPath,
 * afterParameters, result, ... as JSON text, the names TestState's inspectionData uses), and its Retry and Catch
 * do not retry but report what they would do.
 */
public final class Inspection {
    private final ObjectNode data = Json.object();
    private final int retrierRetryCount;
    private final JsonNode context;
    private Integer retryIndex;
    private Long retryBackoffSeconds;
    private Integer catchIndex;
    private String caughtError;
    private String caughtCause;

    /**
     * @param retrierRetryCount how many retries the matching retrier is taken to have made already
     * @param context           the context object to show the state instead of the generated one, or null
     */
    public Inspection(int retrierRetryCount, JsonNode context) {
        this.retrierRetryCount = retrierRetryCount;
        this.context = context;
    }

    public synchronized void record(String field, JsonNode value) {
        if (value != null) {
            data.put(field, Json.write(value));
        }
    }

    public synchronized void recordNumber(String field, Number value) {
        if (value != null) {
            data.set(field, Json.NODES.numberNode(value.doubleValue() == value.longValue() ? value.longValue()
                    : value.doubleValue()));
        }
    }

    public int retrierRetryCount() {
        return retrierRetryCount;
    }

    public JsonNode context() {
        return context;
    }

    /** The failure matched retrier {@code index}, which would retry after this many seconds. */
    public synchronized void retriable(int index, long backoffSeconds) {
        retryIndex = index;
        retryBackoffSeconds = backoffSeconds;
    }

    /** Catcher {@code index} caught this error. */
    public synchronized void caught(int index, String error, String cause) {
        catchIndex = index;
        caughtError = error;
        caughtCause = cause;
    }

    public synchronized String caughtError() {
        return caughtError;
    }

    public synchronized String caughtCause() {
        return caughtCause;
    }

    public synchronized Integer retryIndex() {
        return retryIndex;
    }

    public synchronized Long retryBackoffSeconds() {
        return retryBackoffSeconds;
    }

    public synchronized Integer catchIndex() {
        return catchIndex;
    }

    public synchronized ObjectNode data() {
        return data.deepCopy();
    }
}
