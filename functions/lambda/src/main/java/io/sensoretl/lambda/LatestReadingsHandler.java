package io.sensoretl.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.aws.Settings;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.LatestReadingsUpdate;
import io.sensoretl.latest.aws.DynamoDbLatestReadings;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.telemetry.Invocation;
import io.sensoretl.telemetry.MetricNames;
import io.sensoretl.telemetry.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.Executors;
import org.crac.Resource;

/**
 * The {@code latest-readings} Lambda: after compaction, upserts the run's newest reading per series,
 * each only if newer than what is stored ({@link LatestReadingsUpdate}).
 *
 * <p>Event: {@code {"runId"}}. Settings: CURATED_BUCKET, LATEST_TABLE, LATEST_WRITE_PARALLELISM.
 */
public final class LatestReadingsHandler implements RequestStreamHandler {
    /** What the step is asked. */
    public record Request(String runId) {
        public static Request parse(JsonNode event) {
            return new Request(CuratedLayout.requireRunId(Json.required(event, "runId")));
        }
    }

    private final LatestReadingsUpdate update;
    private final Telemetry telemetry;

    /** Held here because the CRaC context keeps resources only weakly. */
    private Resource priming;

    /** The Lambda entry point: settings from the environment, SnapStart priming registered. */
    public LatestReadingsHandler() {
        this(Settings.of(System.getenv()));
        this.priming = SnapStart.register(LambdaFunction.LATEST_READINGS);
    }

    /** The AWS wiring of these settings. */
    public LatestReadingsHandler(Settings settings) {
        this(new S3ObjectStore(S3Clients.from(settings), settings.required("CURATED_BUCKET")),
                new DynamoDbLatestReadings(AwsClients.dynamoDb(settings), settings.required("LATEST_TABLE"),
                        Executors.newFixedThreadPool(settings.intValue("LATEST_WRITE_PARALLELISM", 16))), Telemetry.stdout(settings.optional("POWERTOOLS_SERVICE_NAME")));
    }

    /** Without telemetry: the local runtime's and the tests' default. */
    public LatestReadingsHandler(ObjectStore blobs, LatestReadings latest) {
        this(blobs, latest, Telemetry.silent());
    }

    public LatestReadingsHandler(ObjectStore blobs, LatestReadings latest, Telemetry telemetry) {
        this.update = new LatestReadingsUpdate(blobs, latest);
        this.telemetry = telemetry;
    }

    /** Metrics (dimension Function=latest-readings): SeriesUpserted, SeriesSkippedOlder; log field runId. */
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Instrumented.handle(input, output, context, telemetry, LambdaFunction.LATEST_READINGS.functionName(),
                "latest readings upserted", (event, inv) -> {
                    Request request = Request.parse(event);
                    inv.field(Invocation.RUN_ID, request.runId());
                    LatestReadingsUpdate.Result a = upsert(request);
                    inv.count(MetricNames.SERIES_UPSERTED, a.written()).count(MetricNames.SERIES_SKIPPED_OLDER, a.skippedOlder());
                    return a;
                });
    }

    public LatestReadingsUpdate.Result upsert(JsonNode event) throws IOException {
        return upsert(Request.parse(event));
    }

    /** The answer is the update's result; the state machine's summary reports {@code written}. */
    public LatestReadingsUpdate.Result upsert(Request request) throws IOException {
        return update.apply(request.runId());
    }
}
