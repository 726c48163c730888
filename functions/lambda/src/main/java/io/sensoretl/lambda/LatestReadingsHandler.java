package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.compact.Blob;
import io.sensoretl.compact.Blobs;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.aws.S3Blobs;
import io.sensoretl.latest.LatestLines;
import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.NewestPerSeries;
import io.sensoretl.latest.UpsertSummary;
import io.sensoretl.latest.aws.DynamoDbLatestReadings;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import org.crac.Resource;

/**
 * The {@code latest-readings} Lambda: after compaction, merges the run's per-partition newest
 * readings ({@code runs/<run>/latest/*.ndjson}, written by compaction) into one per series and
 * upserts them, each only if newer than what is stored.
 *
 * <p>Event: {@code {"runId"}}. Settings: CURATED_BUCKET, LATEST_TABLE, LATEST_WRITE_PARALLELISM.
 */
public final class LatestReadingsHandler implements RequestStreamHandler {
    private final Blobs blobs;
    private final LatestReadings latest;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: AWS clients from the environment, SnapStart priming registered. */
    public LatestReadingsHandler() {
        this(new S3Blobs(S3Clients.fromEnvironment(), AwsClients.requiredEnv("CURATED_BUCKET")),
                new DynamoDbLatestReadings(AwsClients.dynamoDbFromEnvironment(), AwsClients.requiredEnv("LATEST_TABLE"),
                        Executors.newFixedThreadPool(Integer.parseInt(
                                System.getenv().getOrDefault("LATEST_WRITE_PARALLELISM", "16")))), Telemetry.stdout());
        this.priming = SnapStart.register(LambdaFunction.LATEST_READINGS);
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public LatestReadingsHandler(Blobs blobs, LatestReadings latest) {
        this(blobs, latest, Telemetry.silent());
    }

    public LatestReadingsHandler(Blobs blobs, LatestReadings latest, Telemetry telemetry) {
        this.blobs = blobs;
        this.latest = latest;
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=latest-readings): SeriesUpserted, SeriesSkippedOlder; log field runId. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.LATEST_READINGS.functionName(), "latest readings upserted",
                (event, inv) -> {
                    inv.field(Invocation.RUN_ID, Json.field(event, "runId"));
                    Map<String, Object> r = upsert(event);
                    inv.count(MetricNames.SERIES_UPSERTED, ((Number) r.get("written")).longValue())
                            .count(MetricNames.SERIES_SKIPPED_OLDER, ((Number) r.get("skippedOlder")).longValue());
                    return r;
                });
    }

    public Map<String, Object> upsert(JsonNode event) throws IOException {
        String runId = CuratedLayout.requireRunId(RunEvents.required(event, "runId"));
        NewestPerSeries newest = new NewestPerSeries();
        int files = 0;
        for (Blob blob : blobs.list(CuratedLayout.latestRoot(runId))) {
            try (InputStream in = blobs.input(blob).newStream()) {
                newest.offerAll(LatestLines.read(in));
            }
            files++;
        }
        UpsertSummary summary = latest.upsertIfNewer(newest.result());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runId", runId);
        out.put("partitionFiles", files);
        out.put("series", newest.size());
        out.put("written", summary.written());
        out.put("skippedOlder", summary.skippedOlder());
        return out;
    }
}
