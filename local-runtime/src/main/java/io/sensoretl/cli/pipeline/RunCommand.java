package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.ByteSize;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.local.LocalPipeline;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunOptions;
import io.sensoretl.local.RunReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Process a sensor dump end to end on the local runtime: upload it to the local S3, deliver the "
                + "S3 'Object Created' event AWS would, and run the production state machine with the real functions.",
            "Exit code 0 when the execution succeeded (also when the upload was already processed), 1 when it failed or was "
                + "stopped, 3 when another execution that still runs is processing the upload (ALREADY_RUNNING).",
            "Ctrl-C (SIGINT) or SIGTERM stops the run cleanly: the execution is recorded ABORTED and its partition leases "
                + "are released; running it again continues the upload."})
public final class RunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<file|s3-uri>",
            description = "A dump file (uploaded to s3://sensor-etl-source/incoming/<name>) or an object already in the local S3.")
    String dump;

    @Option(names = "--contract", paramLabel = "<file>", description = "Ingest contract (YAML); default: the bundled default contract.")
    Path contract;

    @Option(names = "--chunk", paramLabel = "<size>", converter = ByteSize.class,
            description = "Target chunk size, e.g. 8MiB (default: the planner's, 64 MiB).")
    Long chunkBytes;

    @Option(names = "--force", description = "Process again even if the ledger says this upload was processed "
            + "(never while another execution still runs it).")
    boolean force;

    @Option(names = "--max-concurrency", paramLabel = "<n>", description = "Chunks transformed at once (MapMaxConcurrency; default: CPU cores).")
    Integer maxConcurrency;

    @Option(names = "--json", description = "Print the result as one JSON object (fields in docs/cli.md).")
    boolean json;

    @Mixin
    LocalRuntimeOptions local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (chunkBytes != null && chunkBytes < 1024) {
            throw new io.sensoretl.cli.UserError("--chunk must be at least 1KiB, got " + chunkBytes + " bytes");
        }
        PrintWriter out = spec.commandLine().getOut();
        // user mistakes are reported before any server starts
        if (!dump.startsWith("s3://")) {
            Uploads.checkReadable(Path.of(dump));
        }
        if (contract != null) {
            Uploads.checkContract(contract);
        }
        try (LocalServices stack = local.start(json)) {
            Uploads.Location source = Uploads.dump(stack.s3(), dump);
            String contractUri = contract == null ? null : Uploads.contract(stack.s3(), contract);
            // printed before a Ctrl-C's shutdown hook lets the JVM end, so a stopped run still reports ABORTED
            RunReport report = execute(stack, source, new RunOptions(contractUri, chunkBytes, force), settings(maxConcurrency),
                    json, r -> {
                        if (json) {
                            out.println(JsonOutput.document(r));
                        } else {
                            RunReportText.print(r, out, force);
                        }
                        out.flush();
                    }, pipeline -> { }, null);
            return exitCode(report);
        }
    }

    /** 0 processed (or already), 1 failed or stopped, 3 ALREADY_RUNNING. */
    static int exitCode(RunReport report) {
        return switch (report.outcome()) {
            case RunReport.FAILED -> 1;
            case RunReport.ALREADY_RUNNING -> ALREADY_RUNNING_EXIT;
            default -> 0;
        };
    }

    static final int ALREADY_RUNNING_EXIT = 3;

    /** How long Ctrl-C waits for the stopped execution to end before the process exits anyway. */
    static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(20);

    static LocalPipeline.Settings settings(Integer maxConcurrency) {
        if (maxConcurrency != null && maxConcurrency < 1) {
            throw new io.sensoretl.cli.UserError("--max-concurrency must be at least 1, got " + maxConcurrency);
        }
        return maxConcurrency == null ? LocalPipeline.Settings.defaults() : new LocalPipeline.Settings(maxConcurrency, false);
    }

    /** Runs the workflow for an uploaded object, with progress on stderr unless the output is JSON. */
    static RunReport execute(LocalServices stack, Uploads.Location source, RunOptions options, LocalPipeline.Settings settings,
                             boolean quiet) {
        return execute(stack, source, options, settings, quiet, report -> { }, pipeline -> { }, null);
    }

    /**
     * @param report  given the run's report before a Ctrl-C or SIGTERM that stopped the run lets the process end
     *                (the shutdown hook waits for it): where a command prints it
     * @param running told the pipeline before the run starts (serve's Step Functions API stops its executions)
     * @param executionName the execution's name (StartExecution's), or null for a random one
     */
    static RunReport execute(LocalServices stack, Uploads.Location source, RunOptions options, LocalPipeline.Settings settings,
                             boolean quiet, java.util.function.Consumer<RunReport> report,
                             java.util.function.Consumer<LocalPipeline> running, String executionName) {
        if (!quiet) {
            System.err.println("processing " + source.uri() + " (data dir " + stack.dataDir().root() + ")");
        }
        ProgressPrinter progress = quiet ? null : new ProgressPrinter(System.err);
        try (LocalPipeline pipeline = new LocalPipeline(stack, settings,
                progress == null ? io.sensoretl.local.HandlerDecorator.NONE : progress)) {
            java.util.concurrent.CountDownLatch reported = new java.util.concurrent.CountDownLatch(1);
            Thread stopOnSignal = new Thread(() -> stop(pipeline, reported), "sensor-etl-stop");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            running.accept(pipeline);
            try {
                RunReport result = RunReport.of(pipeline.run(source.bucket(), source.key(), options, executionName),
                        stack.dataDir());
                report.accept(result);
                return result;
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(stopOnSignal);
                } catch (IllegalStateException shuttingDown) {
                    // the hook runs: it waits for the report below
                }
                reported.countDown();
            }
        } finally {
            if (progress != null) {
                progress.close();
            }
        }
    }

    /**
     * Ctrl-C or SIGTERM while a run executes: the execution is stopped (saved ABORTED, as StopExecution leaves
     * it) and its partition leases released, so the next run of the same upload takes over at once; then the
     * process waits briefly for the run to report before the JVM ends.
     */
    private static void stop(LocalPipeline pipeline, java.util.concurrent.CountDownLatch reported) {
        java.util.List<String> stopped = pipeline.stop(INTERRUPTED, "stopped by a signal to process "
                + ProcessHandle.current().pid() + " (Ctrl-C or SIGTERM)", STOP_WAIT);
        for (String arn : stopped) {
            System.err.println("sensor-etl: stopped execution " + arn + " (ABORTED); its partition leases are released. "
                    + "Run the same command again to process the upload.");
        }
        try {
            reported.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The error of an execution stopped by Ctrl-C or SIGTERM. */
    public static final String INTERRUPTED = "SensorEtl.Interrupted";
}
