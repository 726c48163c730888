package io.sensoretl.local;

import java.nio.file.Path;

/**
 * The local runtime's state directory ({@code --data-dir}, default {@code ./.sensor-etl}). Every
 * command that touches local state resolves its paths here, so separate data dirs never share state.
 *
 * <pre>
 * s3/&lt;bucket&gt;/&lt;key&gt;   S3Proxy filesystem backend: object keys are nested paths
 * sqs/                  ElasticMQ queues and messages (H2 database, written as they change: QueueServer)
 * serve.json, serve.lock the running serve's endpoints and its claim on the data dir (ServeRegistration)
 * catalog/              LocalPartitionCatalog (registered partitions: what queries can see)
 * ledger/               LocalRunLedger
 * latest/               LocalLatestReadings
 * executions/           ASL engine execution histories
 * stepfunctions/        `states serve`: state machines and their executions (StepFunctionsService)
 * tmp/                  scratch space for compaction spills
 * </pre>
 */
public record DataDir(Path root) {
    public static final Path DEFAULT = Path.of(".sensor-etl");
    /** Where uploads land; the trigger prefix is {@link #UPLOAD_PREFIX}. */
    public static final String SOURCE_BUCKET = "sensor-etl-source";
    /** Runs, staging, curated readings and rejects. */
    public static final String DATA_BUCKET = "sensor-etl-data";
    public static final String UPLOAD_PREFIX = "incoming/";
    public static final String DLQ_NAME = "sensor-etl-dlq";

    public DataDir {
        root = root.toAbsolutePath().normalize();
    }

    public Path s3() {
        return root.resolve("s3");
    }

    /** The file holding {@code s3://bucket/key} in the local S3 backend. */
    public Path object(String bucket, String key) {
        return s3().resolve(bucket).resolve(key);
    }

    public Path sqs() {
        return root.resolve("sqs");
    }

    /** Root handed to LocalPartitionCatalog, LocalRunLedger and LocalLatestReadings (each adds its own subdirectory). */
    public Path stores() {
        return root;
    }

    public Path executions() {
        return root.resolve("executions");
    }

    public Path stepFunctions() {
        return root.resolve("stepfunctions");
    }

    public Path tmp() {
        return root.resolve("tmp");
    }
}
