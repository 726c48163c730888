package io.sensoretl.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.StateMachine;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.time.VirtualTimeSource;
import io.sensoretl.lambda.ObjectCreated;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The workflow on a laptop: the production definition with its substitutions filled for the local
 * stack, run by the ASL engine with the real handlers in-process. Executions are recorded under the
 * data directory, as Step Functions keeps their history.
 *
 * <p>Each execution is owned by this process ({@link ExecutionOwners}) from before it starts until it is
 * saved ended, so that if the process dies, its run is taken over at once by the next one and the execution
 * is listed ABORTED. {@link #stop} stops the running executions (Ctrl-C) and gives up their partition leases.
 */
public final class LocalPipeline implements AutoCloseable {
    public static final String REGION = AslEngine.DEFAULT_REGION;
    public static final String ACCOUNT = AslEngine.DEFAULT_ACCOUNT;

    /**
     * @param maxConcurrency the Distributed Map's MaxConcurrency (chunks transformed at once)
     * @param virtualTime    retry intervals pass on a virtual clock (tests) instead of really waiting
     * @param seed           when set, the engine draws its ids (execution names, Map Run ids) from this seed, so
     *                       the same run with one chunk at a time gives the same ids; null draws them at random
     */
    public record Settings(int maxConcurrency, boolean virtualTime, Long seed) {
        public Settings {
            if (maxConcurrency < 1) {
                throw new IllegalArgumentException("max concurrency must be at least 1, got " + maxConcurrency);
            }
        }

        public Settings(int maxConcurrency, boolean virtualTime) {
            this(maxConcurrency, virtualTime, null);
        }

        public Settings withSeed(long seed) {
            return new Settings(maxConcurrency, virtualTime, seed);
        }

        public static Settings defaults() {
            return new Settings(Math.max(2, Runtime.getRuntime().availableProcessors()), false);
        }
    }

    private final LocalServices stack;
    private final ExecutorService pool;
    private final AslEngine engine;
    private final StateMachine machine;
    private final LocalFunctions functions;
    private final ExecutionOwners owners;
    private final java.util.Random names;
    /** An execution running in this pipeline, with its end (counted down once it ended and its claim is given up). */
    private record Running(io.sensoretl.asl.engine.Execution execution, java.util.concurrent.CountDownLatch ended) {}

    private final Map<String, Running> running = new java.util.concurrent.ConcurrentHashMap<>();

    public LocalPipeline(LocalServices stack, Settings settings, HandlerDecorator decorator) {
        this(stack, settings, decorator, null);
    }

    /** @param compaction the compact function's settings; {@code null}: from the environment, as on AWS */
    public LocalPipeline(LocalServices stack, Settings settings, HandlerDecorator decorator,
                         io.sensoretl.compact.CompactionConfig compaction) {
        this.stack = stack;
        this.owners = new ExecutionOwners(stack.dataDir(), Clock.systemUTC());
        // seeded: the same execution names on every run (a different sequence from the engine's own ids)
        this.names = settings.seed() == null ? null : new java.util.Random(settings.seed() ^ 0x6e616d6573L);
        PhaseHooks phases = PhaseHooks.fromSystemProperties();
        this.pool = Executors.newFixedThreadPool(settings.maxConcurrency());
        AslEngine.Builder builder = AslEngine.builder().executor(pool).objectStore(new SdkObjectStore(stack.s3()))
                .store(new ExecutionStore(stack.dataDir().executions()))
                .queue((url, body, attributes) -> stack.sqs().sendMessage(b -> b.queueUrl(url).messageBody(body)).messageId())
                .lambdaRegion(REGION, ACCOUNT);
        if (settings.virtualTime()) {
            builder.time(new VirtualTimeSource(Instant.now()));
        }
        if (settings.seed() != null) {
            builder.random(new java.util.Random(settings.seed()));
        }
        this.engine = builder.build();
        this.functions = new LocalFunctions(stack, Clock.systemUTC(), compaction != null ? compaction
                : io.sensoretl.compact.CompactionConfig.fromEnvironment(System.getenv(), stack.dataDir().tmp()), phases);
        HandlerDecorator decorators = phases.andThen(decorator);
        functions.handlers().forEach((function, handler) ->
                engine.lambdas().register(LocalFunctions.functionName(function), decorators.decorate(function, handler)));
        this.machine = AslEngine.load(Json.parse(definition(stack, settings)));
    }

    /**
     * The workflow's definition as the local pipeline runs it: the production file with its substitutions filled
     * for the local stack (function ARNs, the DLQ's URL, the data bucket, these settings' concurrency).
     */
    public static String definition(LocalServices stack, Settings settings) {
        Map<String, String> values = new LinkedHashMap<>();
        for (io.sensoretl.lambda.LambdaFunction function : io.sensoretl.lambda.LambdaFunction.values()) {
            values.put(function.substitution(), LambdaFunctions.arnOf(LocalFunctions.functionName(function), REGION, ACCOUNT));
        }
        values.put("DeadLetterQueueUrl", stack.deadLetterQueueUrl());
        values.put("DataBucket", DataDir.DATA_BUCKET);
        values.put("MapMaxConcurrency", String.valueOf(settings.maxConcurrency()));
        values.put("CompactMaxConcurrency", String.valueOf(settings.maxConcurrency()));
        // a chunk that fails goes to the DLQ and its child succeeds: a failed child means even that failed
        values.put("ToleratedFailurePercentage", "0");
        return DefinitionSubstitutions.apply(WorkflowDefinition.text(), values);
    }

    public LocalFunctions functions() {
        return functions;
    }

    public LocalServices stack() {
        return stack;
    }

    /** Starts the workflow for an object already in the local S3, as its upload event would on AWS. */
    public ExecutionResult run(String bucket, String key, RunOptions options) {
        return run(bucket, key, options, null);
    }

    /** @param executionName the execution's name, or null for a random one (as Step Functions does) */
    @SuppressWarnings("try") // the claim is held, not used: open, it tells other processes this one runs the execution
    public ExecutionResult run(String bucket, String key, RunOptions options, String executionName) {
        HeadObjectResponse head;
        try {
            head = stack.s3().headObject(b -> b.bucket(bucket).key(key));
        } catch (NoSuchKeyException e) {
            throw new IllegalArgumentException("s3://" + bucket + "/" + key + " does not exist in the local S3");
        }
        ObjectNode event = ObjectCreated.upload(bucket, key, head.contentLength(), head.eTag(), Instant.now(), REGION, ACCOUNT)
                .toJson();
        ObjectNode o = options.toJson();
        if (!o.isEmpty()) {
            event.set("options", o);
        }
        String name = executionName != null ? executionName : nextName();
        String arn = executionArn(name);
        java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
        try (ExecutionOwners.Claim claim = owners.claim(arn)) {
            io.sensoretl.asl.engine.Execution execution = engine.start(machine, new ExecutionRequest(event, name,
                    WorkflowDefinition.STATE_MACHINE_NAME, REGION, ACCOUNT, null, null));
            running.put(arn, new Running(execution, ended));
            return execution.await();
        } finally {
            running.remove(arn);
            ended.countDown();
        }
    }

    /** The ARN an execution of the workflow with this name has. */
    public static String executionArn(String executionName) {
        return "arn:aws:states:" + REGION + ":" + ACCOUNT + ":execution:" + WorkflowDefinition.STATE_MACHINE_NAME + ":"
                + executionName;
    }

    private String nextName() {
        if (names == null) {
            return java.util.UUID.randomUUID().toString();
        }
        synchronized (names) {
            return new java.util.UUID(names.nextLong(), names.nextLong()).toString();
        }
    }

    /**
     * Stops every execution running in this pipeline, as StopExecution does (saved ABORTED with {@code error}
     * and {@code cause}), waits up to {@code wait} for each to end, and gives up the partition leases it held.
     *
     * @return the ARNs of the executions stopped
     */
    public java.util.List<String> stop(String error, String cause, java.time.Duration wait) {
        return stop(running.keySet(), error, cause, wait);
    }

    /**
     * Stops one execution running in this pipeline, as {@link #stop(String, String, java.time.Duration)} stops them
     * all (StopExecution on serve's Step Functions API).
     *
     * @return whether it ran here and was stopped now
     */
    public boolean stop(String executionArn, String error, String cause, java.time.Duration wait) {
        return !stop(java.util.Set.of(executionArn), error, cause, wait).isEmpty();
    }

    private java.util.List<String> stop(java.util.Set<String> arns, String error, String cause, java.time.Duration wait) {
        java.util.List<String> stopped = new java.util.ArrayList<>();
        Map<String, Running> now = new java.util.HashMap<>(running);
        now.keySet().retainAll(arns);
        for (Map.Entry<String, Running> e : now.entrySet()) {
            if (e.getValue().execution().stop(error, cause)) {
                stopped.add(e.getKey());
            }
        }
        io.sensoretl.compact.local.LocalPartitionLocks leases =
                new io.sensoretl.compact.local.LocalPartitionLocks(stack.dataDir().stores(), Clock.systemUTC());
        long deadline = System.nanoTime() + wait.toNanos();
        for (String arn : stopped) {
            try {
                now.get(arn).ended().await(Math.max(0, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            leases.releaseHeldBy(arn);
        }
        return stopped;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
