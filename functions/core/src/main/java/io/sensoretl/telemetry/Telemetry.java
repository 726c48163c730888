package io.sensoretl.telemetry;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where the handlers' structured logs and EMF metrics go. On Lambda that is standard output, which
 * the runtime ships to CloudWatch Logs line by line (EMF documents become metrics there); tests
 * collect the lines; the local runtime keeps them out of the CLI's output unless asked.
 *
 * <p>This is a deliberately small emitter instead of Powertools' logging and metrics modules: see
 * docs/operations.md, "Why not Powertools".
 */
public final class Telemetry {
    private final Consumer<String> sink;
    private final Clock clock;
    private final String namespace;
    private final String service;
    /** Powertools' default-less service name: ours. */
    static final String DEFAULT_SERVICE = "sensor-etl";

    private Telemetry(Consumer<String> sink, Clock clock, String namespace, String service) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.service = service == null || service.isBlank() ? DEFAULT_SERVICE : service.strip();
    }

    private Telemetry(Consumer<String> sink, Clock clock, String namespace) {
        this(sink, clock, namespace, null);
    }

    /**
     * Lambda: one line per event on standard output.
     *
     * @param service Powertools' {@code service} field (the handler passes POWERTOOLS_SERVICE_NAME from its
     *                settings), or empty for {@value #DEFAULT_SERVICE}
     */
    public static Telemetry stdout(java.util.Optional<String> service) {
        PrintStream out = System.out;
        return new Telemetry(line -> {
            synchronized (out) {
                out.println(line);
            }
        }, Clock.systemUTC(), MetricNames.NAMESPACE, service.orElse(null));
    }

    /** Nothing emitted: the local runtime's default, so CLI output stays the command's own. */
    public static Telemetry silent() {
        return new Telemetry(line -> { }, Clock.systemUTC(), MetricNames.NAMESPACE);
    }

    public static Telemetry to(Consumer<String> sink, Clock clock) {
        return new Telemetry(sink, clock, MetricNames.NAMESPACE);
    }

    /** @param service Powertools' {@code service} field, or null/blank for {@value #DEFAULT_SERVICE} */
    public static Telemetry to(Consumer<String> sink, Clock clock, String service) {
        return new Telemetry(sink, clock, MetricNames.NAMESPACE, service);
    }

    /**
     * Starts timing one invocation of {@code function} (a {@link MetricNames} logical name).
     * {@code requestId} is Lambda's request id, or {@code null} when there is none.
     */
    public Invocation start(String function, String requestId) {
        return invocation(function, LambdaContext.ofRequest(requestId));
    }

    /** The same with what Lambda says about the invocation (logged under Powertools' field names). */
    public Invocation invocation(String function, LambdaContext lambda) {
        return new Invocation(this, function, lambda == null ? LambdaContext.NONE : lambda, clock.millis());
    }

    /** Powertools' {@code service} field: POWERTOOLS_SERVICE_NAME when the template sets it, else sensor-etl. */
    String service() {
        return service;
    }

    String namespace() {
        return namespace;
    }

    long now() {
        return clock.millis();
    }

    void emit(String line) {
        sink.accept(line);
    }
}
