package io.sensoretl.cli.pipeline;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.cli.UserError;
import io.sensoretl.console.PipelineConsole;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.ExecutionOwners;
import io.sensoretl.local.LocalPipeline;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.SigV4Verifier;
import io.sensoretl.local.WorkflowDefinition;
import io.sensoretl.stepfunctions.PinnedStateMachine;
import io.sensoretl.stepfunctions.StepFunctionsServer;
import io.sensoretl.stepfunctions.StepFunctionsService;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code serve --sfn-port}: the Step Functions API and console of {@code states serve} beside serve's S3 and SQS, on
 * 127.0.0.1, with the pipeline's state machine shown under its ARN. Its executions are the ones the pipeline records
 * under the data dir (serve's runs and those of {@code run} on the same data dir), read as they are written, and
 * StartExecution with an upload's Object Created event runs it as an upload would ({@link PipelineStarts}); state
 * machines created through the API run as under {@code states serve} (kept in the data dir's stepfunctions/).
 */
final class ServeStepFunctions implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::" + LocalPipeline.ACCOUNT + ":role/sensor-etl-local";
    static final String HOW_TO_RUN = "The pipeline runs when a dump is uploaded to s3://" + DataDir.SOURCE_BUCKET + "/"
            + DataDir.UPLOAD_PREFIX + " (serve starts it), with StartExecution and the upload's Object Created event as "
            + "input, or with ./sensor-etl run; StopExecution stops serve's own runs, a run of another process stops with "
            + "Ctrl-C there; failed chunks are redriven with ./sensor-etl dlq redrive.";
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(10);

    private final ExecutorService executor;
    private final ExecutorService starts;
    private final StepFunctionsServer server;
    private final String stateMachineArn;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
    /** The pipelines whose executions StopExecution stops: serve's current (or last) upload run's and the API's. */
    private final java.util.Set<LocalPipeline> pipelines;
    /** serve's current (or last) upload run's pipeline, replaced in {@link #pipelines} by the next one. */
    private final java.util.concurrent.atomic.AtomicReference<LocalPipeline> uploadRun = new java.util.concurrent.atomic.AtomicReference<>();

    private ServeStepFunctions(ExecutorService executor, ExecutorService starts, StepFunctionsServer server,
                               String stateMachineArn, java.util.Set<LocalPipeline> pipelines) {
        this.pipelines = pipelines;
        this.executor = executor;
        this.starts = starts;
        this.server = server;
        this.stateMachineArn = stateMachineArn;
    }

    /** @param report prints the report of a run started through the API, as serve prints its upload runs' */
    static ServeStepFunctions start(LocalServices stack, LocalPipeline.Settings settings, int port,
                                    java.util.function.Consumer<io.sensoretl.local.RunReport> report) {
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "sensor-etl-serve-states");
            t.setDaemon(true);
            return t;
        });
        // runs started through the API, one after another, beside serve's upload runs
        ExecutorService starts = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sensor-etl-serve-start");
            t.setDaemon(true);
            return t;
        });
        DataDir dir = stack.dataDir();
        java.util.Set<LocalPipeline> running = java.util.concurrent.ConcurrentHashMap.newKeySet();
        StepFunctionsService service = new StepFunctionsService(dir.stepFunctions(), LocalPipeline.REGION,
                LocalPipeline.ACCOUNT, Clock.systemUTC(),
                (store, nested) -> AslEngine.builder().executor(executor).store(store)
                        .lambdaRegion(LocalPipeline.REGION, LocalPipeline.ACCOUNT).resource(nested)
                        // serve's local S3: ItemReader, ResultWriter and aws-sdk:s3 tasks of the API's state machines
                        .objectStore(new io.sensoretl.local.SdkObjectStore(stack.s3())).build(), null);
        String arn = service.pin(new PinnedStateMachine(WorkflowDefinition.STATE_MACHINE_NAME,
                LocalPipeline.definition(stack, settings), ROLE, new ExecutionStore(dir.executions()),
                new ExecutionOwners(dir, Clock.systemUTC())::settle, HOW_TO_RUN, (executionArn, error, cause) -> {
                    // waits for the run to end (saved ABORTED at once) and gives up its partition leases
                    return running.stream().anyMatch(p -> p.stop(executionArn, error, cause, STOP_WAIT));
                }, new PipelineStarts(stack, settings, starts, report, running)));
        try {
            StepFunctionsServer server = StepFunctionsServer.start(port, service,
                    new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "states", Clock.systemUTC()),
                    PipelineConsole.of(stack, arn, Clock.systemUTC()));
            return new ServeStepFunctions(executor, starts, server, arn, running);
        } catch (BindException e) {
            starts.shutdownNow();
            executor.shutdownNow();
            throw new UserError("--sfn-port: cannot listen on 127.0.0.1:" + port + " (" + e.getMessage()
                    + "); choose another port, or 0 for any free one");
        } catch (IOException e) {
            starts.shutdownNow();
            executor.shutdownNow();
            throw new UserError("cannot start the Step Functions endpoint: " + e.getMessage());
        }
    }

    /** serve's next run is on this pipeline. */
    void running(LocalPipeline p) {
        LocalPipeline before = uploadRun.getAndSet(p);
        if (before != null) {
            pipelines.remove(before);
        }
        pipelines.add(p);
    }

    URI endpoint() {
        return server.endpoint();
    }

    String stateMachineArn() {
        return stateMachineArn;
    }

    @Override
    public void close() {
        // once: Ctrl-C's shutdown hook and the end of serve both close it
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.close();
        starts.shutdownNow();
        executor.shutdownNow();
    }
}
