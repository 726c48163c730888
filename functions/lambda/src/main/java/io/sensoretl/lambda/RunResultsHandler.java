package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.results.ChildResult;
import io.sensoretl.results.PartialOutputs;
import io.sensoretl.results.ResultWriterFiles;
import io.sensoretl.results.RunResults;
import io.sensoretl.results.RunTotals;
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
 * The {@code run-results} Lambda, after the Distributed Map: reads the per-chunk results the map's
 * ResultWriter wrote to S3 (they never pass through the state payload), adds them up into
 * {@link RunTotals}, and deletes any partial output of chunks that were dead-lettered, so that only
 * whole chunks are compacted.
 *
 * <p>Event: {@code {"runId", "bucket", "manifestKey", "plannedChunks"?}} where bucket and manifestKey
 * are the map's {@code ResultWriterDetails}; the run's staged output must be in the same bucket.
 */
public final class RunResultsHandler implements RequestStreamHandler {
    private final Function<String, Blobs> buckets;
    private final Telemetry telemetry;
    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public RunResultsHandler() {
        this(S3Clients.fromEnvironment(), Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.RUN_RESULTS);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public RunResultsHandler(S3Client s3) {
        this(s3, Telemetry.silent());
    }

    public RunResultsHandler(S3Client s3, Telemetry telemetry) {
        this(bucket -> new S3Blobs(s3, bucket), telemetry);
    }

    /** @param buckets the blob store of a bucket by name */
    public RunResultsHandler(Function<String, Blobs> buckets) {
        this(buckets, Telemetry.silent());
    }

    public RunResultsHandler(Function<String, Blobs> buckets, Telemetry telemetry) {
        this.buckets = buckets;
        this.telemetry = telemetry;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.RUN_RESULTS.functionName(), "run results added up", (event, inv) -> {
            inv.field(Invocation.RUN_ID, Json.field(event, "runId"));
            RunTotals t = addUp(event);
            inv.count(MetricNames.CHUNKS_SUCCEEDED, t.chunksSucceeded())
                    .count(MetricNames.CHUNKS_FAILED, t.chunksFailed())
                    .count(MetricNames.PARTIAL_FILES_DISCARDED, t.partialFilesDiscarded());
            return t;
        });
    }

    public RunTotals addUp(JsonNode event) throws IOException {
        String runId = CuratedLayout.requireRunId(RunEvents.required(event, "runId"));
        Blobs blobs = buckets.apply(RunEvents.required(event, "bucket"));
        RunResults results = new RunResults(runId);
        for (ChildResult child : new ResultWriterFiles(blobs, Json.MAPPER).read(RunEvents.required(event, "manifestKey"))) {
            results.add(child);
        }
        JsonNode planned = event.get("plannedChunks");
        RunTotals totals = results.totals(planned != null && planned.canConvertToInt() ? planned.asInt() : -1);
        int discarded = new PartialOutputs(blobs).discard(runId, totals.sourceDate(), results.unprocessedChunks());
        return totals.withPartialFilesDiscarded(discarded);
    }
}
