package io.sensoretl.lambda;

import SensorEtl.BadInput;
import SensorEtl.Busy;
import SensorEtl.Conflict;
import SensorEtl.Internal;
import SensorEtl.SourceChanged;
import SensorEtl.SourceMissing;
import SensorEtl.Throttled;
import SensorEtl.Transient;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.chunk.SourceChangedException;
import io.sensoretl.chunk.SourceMissingException;
import io.sensoretl.compact.PartitionBusyException;
import io.sensoretl.contract.InvalidInput;
import io.sensoretl.ledger.LedgerConflictException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * The closed set of errors the functions raise to the workflow, and the translation of exceptions
 * into them at the handler edge. The state machine's {@code Retry} and {@code Catch} match only these
 * names (and {@code States.*}, {@code Lambda.*}); a deploy check fails on any other name.
 *
 * <p>Lambda's Java runtime reports an unhandled exception with {@code errorType} set to the
 * exception class's name ({@code Class.getName()}), and Step Functions uses that as the error name.
 * So each workflow error is an exception class whose name is the error name: {@code SensorEtl.Throttled}
 * is the class {@code Throttled} in the package {@code SensorEtl}. That holds on AWS and in the local
 * engine alike, with no mapping table to keep in sync.
 *
 * <table>
 *   <caption>What each error means and what the state machine does with it (docs/workflow.md)</caption>
 *   <tr><th>error</th><th>raised for</th><th>state machine</th></tr>
 *   <tr><td>{@code SensorEtl.Transient}</td><td>network errors and timeouts, 5xx answers, I/O errors: after the
 *       SDK's own retries</td><td>retried a few times</td></tr>
 *   <tr><td>{@code SensorEtl.Throttled}</td><td>an AWS throttling error after the SDK's own retries</td>
 *       <td>retried with longer waits</td></tr>
 *   <tr><td>{@code SensorEtl.Busy}</td><td>{@link PartitionBusyException}, {@link PartitionConflictException}</td>
 *       <td>compaction retries with long waits</td></tr>
 *   <tr><td>{@code SensorEtl.SourceMissing}</td><td>{@link SourceMissingException}: no such key</td>
 *       <td>retried a bounded number of times, then the chunk is dead-lettered or the run fails</td></tr>
 *   <tr><td>{@code SensorEtl.SourceChanged}</td><td>{@link SourceChangedException}: the ETag changed</td>
 *       <td>not retried</td></tr>
 *   <tr><td>{@code SensorEtl.BadInput}</td><td>{@link IllegalArgumentException}, {@link InvalidInput}, an event
 *       that is not JSON</td><td>not retried</td></tr>
 *   <tr><td>{@code SensorEtl.Conflict}</td><td>{@link LedgerConflictException}</td><td>not retried</td></tr>
 *   <tr><td>{@code SensorEtl.Internal}</td><td>anything else (a bug, a missing permission or setting)</td>
 *       <td>not retried</td></tr>
 * </table>
 *
 * A JVM {@link Error} (out of memory, ...) is not translated: Lambda reports it as it is, and only
 * {@code States.ALL} matches it.
 */
public enum WorkflowError {
    TRANSIENT(Transient.class, Transient::new),
    THROTTLED(Throttled.class, Throttled::new),
    BUSY(Busy.class, Busy::new),
    SOURCE_MISSING(SourceMissing.class, SourceMissing::new),
    SOURCE_CHANGED(SourceChanged.class, SourceChanged::new),
    BAD_INPUT(BadInput.class, BadInput::new),
    CONFLICT(Conflict.class, Conflict::new),
    INTERNAL(Internal.class, Internal::new);

    /** How deep a cause chain is searched. */
    private static final int MAX_CAUSES = 16;

    private final Class<? extends WorkflowException> type;
    private final BiFunction<String, Throwable, WorkflowException> create;

    WorkflowError(Class<? extends WorkflowException> type, BiFunction<String, Throwable, WorkflowException> create) {
        this.type = type;
        this.create = create;
    }

    /** The name Lambda reports and the state machine matches, e.g. {@code SensorEtl.Throttled}. */
    public String errorName() {
        return type.getName();
    }

    public Class<? extends WorkflowException> type() {
        return type;
    }

    /** Every name the functions can raise. */
    public static List<String> names() {
        return Arrays.stream(values()).map(WorkflowError::errorName).toList();
    }

    public static Optional<WorkflowError> named(String name) {
        return Arrays.stream(values()).filter(e -> e.errorName().equals(name)).findFirst();
    }

    static WorkflowError of(Class<? extends WorkflowException> type) {
        for (WorkflowError e : values()) {
            if (e.type == type) {
                return e;
            }
        }
        throw new IllegalArgumentException(type.getName() + " is not a workflow error");
    }

    /**
     * The workflow error an exception stands for. What the code says about the failure wins over how
     * it surfaced: a cause anywhere in the chain that is a domain exception (source changed or missing,
     * partition busy, ledger conflict) or an AWS throttling error decides; otherwise the first exception
     * in the chain that is bad input or transient; otherwise {@link #INTERNAL}.
     */
    public static WorkflowError classify(Throwable thrown) {
        List<Throwable> chain = chain(thrown);
        for (Throwable t : chain) {
            Optional<WorkflowError> specific = specific(t);
            if (specific.isPresent()) {
                return specific.get();
            }
        }
        for (Throwable t : chain) {
            if (t instanceof IllegalArgumentException || t instanceof InvalidInput || t instanceof JsonProcessingException) {
                return BAD_INPUT;
            }
            if (t instanceof SdkClientException || t instanceof IOException || t instanceof UncheckedIOException) {
                return TRANSIENT;
            }
            if (t instanceof SdkServiceException e) {
                // the service answered: only a server-side failure is worth another try
                return e.statusCode() >= 500 || e.isRetryableException() ? TRANSIENT : INTERNAL;
            }
        }
        return INTERNAL;
    }

    private static Optional<WorkflowError> specific(Throwable t) {
        if (t instanceof WorkflowException w) {
            return Optional.of(w.error());
        }
        if (t instanceof SourceChangedException) {
            return Optional.of(SOURCE_CHANGED);
        }
        if (t instanceof SourceMissingException) {
            return Optional.of(SOURCE_MISSING);
        }
        if (t instanceof PartitionBusyException || t instanceof PartitionConflictException) {
            return Optional.of(BUSY);
        }
        if (t instanceof LedgerConflictException) {
            return Optional.of(CONFLICT);
        }
        if (t instanceof SdkServiceException e && e.isThrottlingException()) {
            return Optional.of(THROTTLED);
        }
        return Optional.empty();
    }

    /**
     * The exception a handler throws for {@code thrown}: a {@link WorkflowException} named after its
     * workflow error, with the original exception as its cause and its message (prefixed with the
     * original class when that is not one of ours, so "what failed" survives the translation). A
     * {@link WorkflowException} is returned as it is; a JVM {@link Error} is not translated.
     */
    public static RuntimeException translate(Throwable thrown) {
        if (thrown instanceof WorkflowException w) {
            return w;
        }
        WorkflowError error = classify(thrown);
        return error.create.apply(describe(thrown), thrown);
    }

    private static String describe(Throwable t) {
        String message = t.getMessage() == null ? "" : t.getMessage();
        boolean ours = t.getClass().getName().startsWith("io.sensoretl.") || t instanceof IllegalArgumentException;
        return ours && !message.isBlank() ? message : t.getClass().getName() + (message.isBlank() ? "" : ": " + message);
    }

    private static List<Throwable> chain(Throwable thrown) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        List<Throwable> out = new java.util.ArrayList<>();
        for (Throwable t = thrown; t != null && out.size() < MAX_CAUSES && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            out.add(t);
        }
        return out;
    }
}
