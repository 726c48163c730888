package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CrashPoint;
import io.sensoretl.compact.RunCompaction;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.lambda.CloseRunHandler;
import io.sensoretl.lambda.CompactHandler;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.lambda.LatestReadingsHandler;
import io.sensoretl.lambda.PlanHandler;
import io.sensoretl.lambda.RecordRunHandler;
import io.sensoretl.lambda.RunResultsHandler;
import io.sensoretl.lambda.TransformHandler;
import io.sensoretl.latest.local.LocalLatestReadings;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The workflow's Lambda functions, one per entry of the registry ({@link LambdaFunction}), built
 * in-process with the local stand-ins: S3 through the SDK against the local endpoint, and the catalog,
 * ledger, partition leases and latest readings as files under the data directory. Whether the execution
 * holding a run or a partition lease still runs is asked of {@link ExecutionOwners}: the run of a process
 * that is gone is taken over at once.
 */
public final class LocalFunctions {
    /** Matches RUN_STALE_AFTER_MINUTES' default on AWS and the state machine's TimeoutSeconds. */
    static final Duration STALE_AFTER = Duration.ofHours(6);

    private final Map<LambdaFunction, RequestStreamHandler> handlers = new EnumMap<>(LambdaFunction.class);

    /** Compaction configured from the environment, as on AWS ({@code COMPACT_SLICE_ROWS}, ...). */
    public LocalFunctions(LocalServices stack, Clock clock) {
        this(stack, clock, CompactionConfig.fromEnvironment(System.getenv(), stack.dataDir().tmp()), CrashPoint.NONE);
    }

    /**
     * @param compaction the compact function's settings
     * @param crashPoint called at each step of a compaction (tests stop the process there)
     */
    public LocalFunctions(LocalServices stack, Clock clock, CompactionConfig compaction, CrashPoint crashPoint) {
        DataDir dir = stack.dataDir();
        LocalRunLedger ledger = new LocalRunLedger(dir.stores(), clock, STALE_AFTER);
        ExecutionLiveness executions = new ExecutionOwners(dir, clock);
        // the local endpoint has no lifecycle rules: the compactor's sweep expires replaced versions
        S3ObjectStore data = S3ObjectStore.withoutLifecycleTags(stack.s3(), DataDir.DATA_BUCKET);
        for (LambdaFunction f : LambdaFunction.values()) {
            // a switch over every entry: a function added to the registry does not compile until it is wired here
            handlers.put(f, switch (f) {
                case RECORD_RUN -> new RecordRunHandler(ledger, executions);
                case PLAN -> new PlanHandler(stack.s3());
                case TRANSFORM -> new TransformHandler(stack.s3());
                case RUN_RESULTS -> new RunResultsHandler(stack.s3());
                case COMPACT -> new CompactHandler(new RunCompaction(data, new LocalPartitionCatalog(dir.stores()),
                        compaction, new LocalPartitionLocks(dir.stores(), clock, executions), crashPoint),
                        Telemetry.silent());
                case LATEST_READINGS -> new LatestReadingsHandler(data, new LocalLatestReadings(dir.stores()));
                case CLOSE_RUN -> new CloseRunHandler(ledger);
            });
        }
    }

    /** The local function name, e.g. {@code sensor-etl-transform}. */
    public static String functionName(LambdaFunction function) {
        return "sensor-etl-" + function.functionName();
    }

    /** Every function's handler, in workflow order. */
    public Map<LambdaFunction, RequestStreamHandler> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    public RequestStreamHandler handler(LambdaFunction function) {
        return handlers.get(function);
    }
}
