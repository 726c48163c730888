package io.sensoretl.cli.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.lambda.ObjectCreated;
import io.sensoretl.local.LocalPipeline;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunOptions;
import io.sensoretl.local.RunReport;
import io.sensoretl.stepfunctions.PinnedStateMachine;
import java.time.Duration;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * StartExecution of the pipeline on serve's Step Functions API: the input is what EventBridge gives the state
 * machine on AWS, S3's "Object Created" event of the upload (with an optional {@code options} object, as the local
 * runtime adds: {@code contract}, {@code chunkBytes}, {@code force}). The run goes as an upload's does, on a thread of
 * its own beside serve's upload runs, and reports on serve's output like them.
 */
final class PipelineStarts implements PinnedStateMachine.Starter {
    /** How long a start waits for its execution to be recorded (the services are up: it takes milliseconds). */
    private static final Duration RECORDED = Duration.ofSeconds(30);

    private final LocalServices stack;
    private final LocalPipeline.Settings settings;
    private final ExecutionStore store;
    private final ExecutorService runs;
    private final Consumer<RunReport> report;
    private final Set<LocalPipeline> running;

    /**
     * @param running where each run's pipeline is kept while it runs (StopExecution finds it there)
     */
    PipelineStarts(LocalServices stack, LocalPipeline.Settings settings, ExecutorService runs, Consumer<RunReport> report,
                   Set<LocalPipeline> running) {
        this.stack = stack;
        this.settings = settings;
        this.store = new ExecutionStore(stack.dataDir().executions());
        this.runs = runs;
        this.report = report;
        this.running = running;
    }

    @Override
    public void start(String executionName, JsonNode input) {
        ObjectCreated upload = ObjectCreated.from(input).orElseThrow(() -> new IllegalArgumentException(
                "the pipeline takes S3's Object Created event of an upload, as EventBridge delivers it (detail.bucket.name "
                        + "and detail.object.key); the input has " + fields(input)));
        HeadObjectResponse head;
        try {
            head = stack.s3().headObject(b -> b.bucket(upload.bucket()).key(upload.key()));
        } catch (NoSuchKeyException | software.amazon.awssdk.services.s3.model.NoSuchBucketException e) {
            throw new IllegalArgumentException("s3://" + upload.bucket() + "/" + upload.key() + " does not exist in the local S3");
        }
        String now = head.eTag().replace("\"", "");
        if (upload.etag() != null && !upload.etag().equals(now)) {
            throw new IllegalArgumentException("detail.object.etag is " + upload.etag() + " but s3://" + upload.bucket() + "/"
                    + upload.key() + " is " + now + " now: the event is of an earlier version (send the current one)");
        }
        RunOptions options = options(input.path("options"));
        String arn = LocalPipeline.executionArn(executionName);
        Future<?> run = runs.submit(() -> {
            LocalPipeline[] mine = new LocalPipeline[1];
            try {
                RunCommand.execute(stack, new Uploads.Location(upload.bucket(), upload.key()), options, settings, true, report,
                        p -> {
                            mine[0] = p;
                            running.add(p);
                        }, executionName);
            } finally {
                if (mine[0] != null) {
                    running.remove(mine[0]);
                }
            }
        });
        long deadline = System.nanoTime() + RECORDED.toNanos();
        while (store.find(arn).isEmpty()) {
            if (run.isDone()) {
                try {
                    run.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("the execution " + arn + " did not start: " + e.getCause().getMessage(),
                            e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("the execution " + arn + " ended without being recorded");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the execution " + arn + " was not recorded within " + RECORDED.toSeconds() + " s");
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting " + arn, e);
            }
        }
    }

    /** The run's options, as {@code run}'s flags set them: contract, chunkBytes, force; any other field is refused. */
    static RunOptions options(JsonNode o) {
        if (o.isMissingNode() || o.isNull()) {
            return RunOptions.DEFAULTS;
        }
        if (!o.isObject()) {
            throw new IllegalArgumentException("options must be an object (contract, chunkBytes, force), got " + o);
        }
        for (Iterator<String> names = o.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!Set.of("contract", "chunkBytes", "force").contains(name)) {
                throw new IllegalArgumentException("options." + name + " is not an option of the pipeline (contract, chunkBytes, "
                        + "force)");
            }
        }
        JsonNode contract = o.path("contract");
        JsonNode chunk = o.path("chunkBytes");
        JsonNode force = o.path("force");
        if (!contract.isMissingNode() && !contract.isTextual()) {
            throw new IllegalArgumentException("options.contract must be a URI string (s3://... or classpath:...), got " + contract);
        }
        if (!chunk.isMissingNode() && !(chunk.isIntegralNumber() && chunk.asLong() > 0)) {
            throw new IllegalArgumentException("options.chunkBytes must be a positive whole number of bytes, got " + chunk);
        }
        if (!force.isMissingNode() && !force.isBoolean()) {
            throw new IllegalArgumentException("options.force must be true or false, got " + force);
        }
        return new RunOptions(contract.isMissingNode() ? null : contract.asText(),
                chunk.isMissingNode() ? null : chunk.asLong(), force.asBoolean(false));
    }

    private static String fields(JsonNode input) {
        if (!input.isObject()) {
            return "no fields (it is " + input.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
        java.util.List<String> names = new java.util.ArrayList<>();
        input.fieldNames().forEachRemaining(names::add);
        return names.isEmpty() ? "no fields" : "the fields " + names;
    }
}
