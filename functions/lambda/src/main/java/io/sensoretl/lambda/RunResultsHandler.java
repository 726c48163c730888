package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.results.RunAccounting;
import io.sensoretl.results.RunTotals;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
import org.crac.Resource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code run-results} Lambda, after the Distributed Map: adds up the per-chunk results the map's
 * ResultWriter wrote to S3 into {@link RunTotals} and drops the partial output of chunks that were
 * dead-lettered ({@link RunAccounting}).
 *
 * <p>Event: {@code {"runId", "bucket", "manifestKey", "plannedChunks"?}} where bucket and manifestKey
 * are the map's {@code ResultWriterDetails}; the run's staged output must be in the same bucket.
 */
public final class RunResultsHandler implements RequestStreamHandler {
    /** What the step is asked; {@code plannedChunks} is -1 when the event does not say. */
    public record Request(String runId, String bucket, String manifestKey, int plannedChunks) {
        public static Request parse(JsonNode event) {
            JsonNode planned = event.get("plannedChunks");
            return new Request(CuratedLayout.requireRunId(Json.required(event, "runId")), Json.required(event, "bucket"),
                    Json.required(event, "manifestKey"), planned != null && planned.canConvertToInt() ? planned.asInt() : -1);
        }
    }

    private final Function<String, ObjectStore> buckets;
    private final Telemetry telemetry;
    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public RunResultsHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.RUN_RESULTS);
    }

    /** The AWS wiring of these settings. */
    public RunResultsHandler(Settings settings) {
        this(S3Clients.from(settings), Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public RunResultsHandler(S3Client s3) {
        this(s3, Telemetry.silent());
    }

    public RunResultsHandler(S3Client s3, Telemetry telemetry) {
        this(bucket -> new S3ObjectStore(s3, bucket), telemetry);
    }

    /** @param buckets the blob store of a bucket by name */
    public RunResultsHandler(Function<String, ObjectStore> buckets) {
        this(buckets, Telemetry.silent());
    }

    public RunResultsHandler(Function<String, ObjectStore> buckets, Telemetry telemetry) {
        this.buckets = buckets;
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=run-results): ChunksSucceeded, ChunksFailed, PartialFilesDiscarded; log field runId. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.RUN_RESULTS.functionName(),
                "run results added up", (event, inv) -> {
                    Request request = Request.parse(event);
                    inv.field(Invocation.RUN_ID, request.runId());
                    RunTotals t = addUp(request);
                    inv.count(MetricNames.CHUNKS_SUCCEEDED, t.chunksSucceeded())
                            .count(MetricNames.CHUNKS_FAILED, t.chunksFailed())
                            .count(MetricNames.PARTIAL_FILES_DISCARDED, t.partialFilesDiscarded());
                    return t;
                });
    }

    public RunTotals addUp(JsonNode event) throws IOException {
        return addUp(Request.parse(event));
    }

    public RunTotals addUp(Request request) throws IOException {
        return new RunAccounting(buckets.apply(request.bucket()), Json.MAPPER)
                .addUp(request.runId(), request.manifestKey(), request.plannedChunks());
    }
}
