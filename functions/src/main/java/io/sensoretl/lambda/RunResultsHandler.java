package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.lambda.priming.Priming;
import io.sensoretl.lambda.priming.RunResultsPriming;
import io.sensoretl.results.ChildResult;
import io.sensoretl.results.PartialOutputs;
import io.sensoretl.results.ResultWriterFiles;
import io.sensoretl.results.RunResults;
import io.sensoretl.results.RunTotals;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Function;
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
    /** Held here because the CRaC context keeps resources only weakly. */
    private Priming priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public RunResultsHandler() {
        this(S3Clients.fromEnvironment());
        this.priming = Priming.register(new RunResultsPriming());
    }

    public RunResultsHandler(S3Client s3) {
        this(bucket -> new S3Blobs(s3, bucket));
    }

    /** @param buckets the blob store of a bucket by name */
    public RunResultsHandler(Function<String, Blobs> buckets) {
        this.buckets = buckets;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Json.write(output, aggregate(Json.read(input)));
    }

    public RunTotals aggregate(JsonNode event) throws IOException {
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
