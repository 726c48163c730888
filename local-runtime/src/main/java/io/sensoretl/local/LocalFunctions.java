package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.compact.local.LocalPartitionLocks;
import io.sensoretl.lambda.CloseRunHandler;
import io.sensoretl.lambda.CompactHandler;
import io.sensoretl.lambda.LatestReadingsHandler;
import io.sensoretl.lambda.PlanHandler;
import io.sensoretl.lambda.RecordRunHandler;
import io.sensoretl.lambda.RunResultsHandler;
import io.sensoretl.lambda.TransformHandler;
import io.sensoretl.latest.local.LocalLatestReadings;
import io.sensoretl.ledger.local.LocalRunLedger;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The workflow's Lambda functions, built in-process with the local stand-ins: S3 through the SDK
 * against the local endpoint, and the catalog, ledger, partition leases and latest readings as files
 * under the data directory. Keyed by the definition substitution that names each function.
 */
public final class LocalFunctions {
    public static final String RECORD_RUN = "RecordRunFunctionArn";
    public static final String PLAN = "PlanFunctionArn";
    public static final String TRANSFORM = "TransformFunctionArn";
    public static final String RUN_RESULTS = "RunResultsFunctionArn";
    public static final String COMPACT = "CompactFunctionArn";
    public static final String LATEST_READINGS = "LatestReadingsFunctionArn";
    public static final String CLOSE_RUN = "CloseRunFunctionArn";
    /** Matches RUN_STALE_AFTER_MINUTES' default on AWS and the state machine's TimeoutSeconds. */
    static final Duration STALE_AFTER = Duration.ofHours(6);

    private final Map<String, RequestStreamHandler> handlers = new LinkedHashMap<>();

    public LocalFunctions(LocalServices stack, Clock clock) {
        DataDir dir = stack.dataDir();
        LocalRunLedger ledger = new LocalRunLedger(dir.stores(), clock, STALE_AFTER);
        S3Blobs data = new S3Blobs(stack.s3(), DataDir.DATA_BUCKET);
        handlers.put(RECORD_RUN, new RecordRunHandler(ledger));
        handlers.put(PLAN, new PlanHandler(stack.s3()));
        handlers.put(TRANSFORM, new TransformHandler(stack.s3()));
        handlers.put(RUN_RESULTS, new RunResultsHandler(stack.s3()));
        handlers.put(COMPACT, new CompactHandler(data, new LocalPartitionCatalog(dir.stores()),
                CompactionConfig.defaults(dir.tmp()), new LocalPartitionLocks(dir.stores(), clock)));
        handlers.put(LATEST_READINGS, new LatestReadingsHandler(data, new LocalLatestReadings(dir.stores())));
        handlers.put(CLOSE_RUN, new CloseRunHandler(ledger));
    }

    /** The local function name of a substitution, e.g. {@code sensor-etl-transform}. */
    public static String functionName(String substitution) {
        String base = substitution.replace("FunctionArn", "");
        return "sensor-etl" + base.replaceAll("([A-Z])", "-$1").toLowerCase(java.util.Locale.ROOT);
    }

    /** Substitution name → handler, in workflow order. */
    public Map<String, RequestStreamHandler> handlers() {
        return java.util.Collections.unmodifiableMap(handlers);
    }

    public RequestStreamHandler handler(String substitution) {
        RequestStreamHandler h = handlers.get(substitution);
        if (h == null) {
            throw new IllegalArgumentException("no local function for " + substitution + "; known: " + handlers.keySet());
        }
        return h;
    }
}
