package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.compact.CompactionStep;
import io.sensoretl.compact.CrashPoint;
import io.sensoretl.lambda.LambdaFunction;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For tests only: stops a {@code run} process at a named phase of the workflow, so that a test can kill a
 * real process at a known point instead of guessing with timers. Set with the system property
 * {@value #PROPERTY} = {@code <phase>:<action>}, e.g. {@code mid-compaction:halt}; unset, nothing happens.
 *
 * <p>Actions: {@code halt} ends the process at once with status {@value #HALT_STATUS}, as {@code kill -9}
 * would (no shutdown hook, nothing flushed); {@code pause} prints {@code paused at <phase>} on stderr and
 * waits there until the execution is stopped, so the test can send SIGTERM or SIGINT.
 */
public final class PhaseHooks implements HandlerDecorator, CrashPoint {
    public static final String PROPERTY = "sensoretl.test.phase";
    public static final int HALT_STATUS = 86;

    /** Where a run can be stopped. */
    public enum Phase {
        /** record-run returned: the ledger entry is RUNNING for this execution. */
        AFTER_LEDGER_CLAIM,
        /** The first chunk is transformed, others are not. */
        MID_MAP,
        /** The first partition's new version is published (catalog switched, its lease held), other partitions not. */
        MID_COMPACTION,
        /** Compaction is done; latest readings are not updated. */
        BEFORE_LATEST_READINGS,
        /** Everything is written; the ledger entry is still RUNNING. */
        BEFORE_CLOSE;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static Phase of(String label) {
            return Arrays.stream(values()).filter(p -> p.label().equals(label)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(PROPERTY + ": unknown phase '" + label + "', expected one of "
                            + Arrays.stream(values()).map(Phase::label).toList()));
        }
    }

    public enum Action { HALT, PAUSE }

    public static final PhaseHooks NONE = new PhaseHooks(null, null);

    private final Phase phase;
    private final Action action;
    private final AtomicBoolean reached = new AtomicBoolean();

    PhaseHooks(Phase phase, Action action) {
        this.phase = phase;
        this.action = action;
    }

    /** The hooks {@value #PROPERTY} asks for, or {@link #NONE}. */
    public static PhaseHooks fromSystemProperties() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return NONE;
        }
        String[] parts = value.split(":", 2);
        if (parts.length != 2) {
            throw new IllegalArgumentException(PROPERTY + " must be <phase>:halt or <phase>:pause, got '" + value + "'");
        }
        Action action = switch (parts[1]) {
            case "halt" -> Action.HALT;
            case "pause" -> Action.PAUSE;
            default -> throw new IllegalArgumentException(PROPERTY + ": unknown action '" + parts[1] + "', expected halt or pause");
        };
        return new PhaseHooks(Phase.of(parts[0]), action);
    }

    @Override
    public RequestStreamHandler decorate(LambdaFunction function, RequestStreamHandler handler) {
        if (phase == null) {
            return handler;
        }
        return (in, out, context) -> {
            if (function == LambdaFunction.LATEST_READINGS) {
                at(Phase.BEFORE_LATEST_READINGS);
            } else if (function == LambdaFunction.CLOSE_RUN) {
                at(Phase.BEFORE_CLOSE);
            }
            handler.handleRequest(in, out, context);
            if (function == LambdaFunction.RECORD_RUN) {
                at(Phase.AFTER_LEDGER_CLAIM);
            } else if (function == LambdaFunction.TRANSFORM) {
                at(Phase.MID_MAP);
            }
        };
    }

    @Override
    public void reached(CompactionStep step) {
        if (step == CompactionStep.SWITCHED) {
            at(Phase.MID_COMPACTION);
        }
    }

    private void at(Phase here) {
        if (here != phase || !reached.compareAndSet(false, true)) {
            return;
        }
        System.err.println("sensor-etl: " + (action == Action.HALT ? "halting" : "paused") + " at " + here.label()
                + " (" + PROPERTY + ")");
        System.err.flush();
        if (action == Action.HALT) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped while paused at " + here.label());
        }
    }
}
