package io.sensoretl.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The telemetry of one handler invocation: context fields (run id, chunk index, source key, ...),
 * the metrics it counted, and its outcome. {@link #succeed} emits one INFO log line plus the EMF
 * documents; {@link #fail} emits one ERROR log line (Lambda's own Errors metric counts the failure).
 *
 * <p>Log line: {@code {"timestamp","level","service","function","message","durationMs", <Powertools' Lambda
 * fields: function_name, function_request_id, function_arn, function_version, function_memory_size,
 * cold_start, xray_trace_id>, <fields>...}} (docs/operations.md, "The log line").
 * EMF: one document with dimension {@code Function} carrying every metric, and, for rejects, one
 * document per reason with dimensions {@code Function, Reason} carrying {@code RecordsRejected}.
 */
public final class Invocation {
    public static final String RUN_ID = "runId";
    public static final String CHUNK_INDEX = "chunkIndex";
    public static final String SOURCE_KEY = "sourceKey";

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private final Telemetry telemetry;
    private final String function;
    private final LambdaContext lambda;
    private final long startMillis;
    private final Map<String, Object> fields = new LinkedHashMap<>();
    private final List<Metric> metrics = new ArrayList<>();
    private final Map<String, Long> rejectedByReason = new TreeMap<>();
    private boolean finished;

    Invocation(Telemetry telemetry, String function, LambdaContext lambda, long startMillis) {
        if (function == null || function.isBlank()) {
            throw new IllegalArgumentException("an invocation needs the function's logical name");
        }
        this.telemetry = telemetry;
        this.function = function;
        this.lambda = lambda;
        this.startMillis = startMillis;
    }

    /** A context field for the log line and the EMF documents; {@code null} values are left out. */
    public Invocation field(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    public Invocation count(String name, long value) {
        metrics.add(new Metric(name, value, Unit.COUNT));
        return this;
    }

    public Invocation bytes(String name, long value) {
        metrics.add(new Metric(name, value, Unit.BYTES));
        return this;
    }

    public Invocation millis(String name, long value) {
        metrics.add(new Metric(name, value, Unit.MILLISECONDS));
        return this;
    }

    /** Per-reason reject counts; each becomes a {@code RecordsRejected} value with a {@code Reason} dimension. */
    public Invocation rejectedByReason(Map<String, Long> counts) {
        counts.forEach((reason, n) -> rejectedByReason.merge(reason, n, Long::sum));
        return this;
    }

    /** Milliseconds since {@link Telemetry#start}, by the telemetry's clock. */
    public long elapsedMillis() {
        return telemetry.now() - startMillis;
    }

    public void succeed(String message) {
        finish();
        long now = telemetry.now();
        telemetry.emit(logLine(now, "INFO", message, Map.of()));
        if (!metrics.isEmpty()) {
            telemetry.emit(EmfDocument.render(telemetry.namespace(), now, Map.of(MetricNames.FUNCTION, function),
                    metrics, contextProperties()));
        }
        rejectedByReason.forEach((reason, n) -> {
            Map<String, String> dims = new LinkedHashMap<>();
            dims.put(MetricNames.FUNCTION, function);
            dims.put(MetricNames.REASON, reason);
            telemetry.emit(EmfDocument.render(telemetry.namespace(), now, dims,
                    List.of(new Metric(MetricNames.RECORDS_REJECTED, n, Unit.COUNT)), contextProperties()));
        });
    }

    public void fail(Throwable error) {
        finish();
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("errorType", error.getClass().getName());
        extra.put("errorMessage", String.valueOf(error.getMessage()));
        telemetry.emit(logLine(telemetry.now(), "ERROR", "invocation failed", extra));
    }

    private void finish() {
        if (finished) {
            throw new IllegalStateException("the invocation of " + function + " was already reported");
        }
        finished = true;
    }

    private Map<String, Object> contextProperties() {
        Map<String, Object> p = new LinkedHashMap<>(fields);
        putIfSet(p, "function_request_id", lambda.requestId());
        putIfSet(p, "xray_trace_id", lambda.traceId());
        return p;
    }

    private static void putIfSet(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private String logLine(long now, String level, String message, Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("timestamp", Instant.ofEpochMilli(now).toString());
        line.put("level", level);
        line.put("service", telemetry.service());
        line.put("function", function);
        line.put("message", message);
        line.put("durationMs", now - startMillis);
        putIfSet(line, "function_name", lambda.functionName());
        putIfSet(line, "function_request_id", lambda.requestId());
        putIfSet(line, "function_arn", lambda.functionArn());
        putIfSet(line, "function_version", lambda.functionVersion());
        putIfSet(line, "function_memory_size", lambda.memoryMb());
        putIfSet(line, "cold_start", lambda.coldStart());
        putIfSet(line, "xray_trace_id", lambda.traceId());
        fields.forEach(line::putIfAbsent);
        extra.forEach(line::put);
        try {
            return MAPPER.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a log line of " + function, e);
        }
    }
}
