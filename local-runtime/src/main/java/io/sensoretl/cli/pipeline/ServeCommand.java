package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.UserError;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalPipeline;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunOptions;
import io.sensoretl.local.RunReport;
import io.sensoretl.local.UploadWatcher;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Keep the local S3 and SQS endpoints up so the AWS CLI or any SDK can upload dumps; every new "
                + "object under incoming/ in the bucket sensor-etl-source starts a run, as the EventBridge rule does on AWS.",
            "New uploads are found by polling the bucket (see --poll-interval); the run ledger makes sure an upload "
                + "already processed is not processed again. Stop with Ctrl-C.",
            "While serve runs, run, demo and dlq on the same --data-dir use its endpoints (one dead-letter queue); "
                + "a second serve on that data dir is refused."})
public final class ServeCommand implements Callable<Integer> {
    @Option(names = "--poll-interval", paramLabel = "<seconds>", defaultValue = "2",
            description = "Seconds between looks at the upload prefix (default: ${DEFAULT-VALUE}).")
    double pollSeconds;

    @Option(names = "--stop-after-runs", paramLabel = "<n>",
            description = "Stop after this many runs (for scripts); default: serve until interrupted.")
    Integer stopAfterRuns;

    @Option(names = "--max-concurrency", paramLabel = "<n>", description = "Chunks transformed at once (default: CPU cores).")
    Integer maxConcurrency;

    @Option(names = "--host", paramLabel = "<address>", defaultValue = "127.0.0.1",
            description = "Address the S3 and SQS endpoints listen on, e.g. 0.0.0.0 so a container (sam local invoke) "
                    + "can reach them. Default: ${DEFAULT-VALUE}, this machine only; any other address prints a warning.")
    String host;

    @Option(names = "--json", description = "Print the endpoints as one JSON line, then one JSON run report per run.")
    boolean json;

    @Option(names = "--sfn-port", paramLabel = "<port>",
            description = "Also serve the Step Functions API and console (as states serve does) on 127.0.0.1:<port> "
                    + "(0: any free port), with the pipeline's state machine and its executions; default: off.")
    Integer sfnPort;

    @Mixin
    LocalRuntimeOptions local;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("try") // the Ctrl-C hook closes the services the try-with-resources holds: the JVM ends there
    public Integer call() {
        if (pollSeconds <= 0) {
            throw new UserError("--poll-interval must be positive, got " + pollSeconds);
        }
        PrintWriter out = spec.commandLine().getOut();
        LocalPipeline.Settings settings = RunCommand.settings(maxConcurrency);
        io.sensoretl.local.BindHost bind;
        try {
            bind = new io.sensoretl.local.BindHost(host);
        } catch (IllegalArgumentException e) {
            throw new UserError("--host: " + e.getMessage());
        }
        if (sfnPort != null && (sfnPort < 0 || sfnPort > 65535)) {
            throw new UserError("--sfn-port must be a port number (0-65535; 0: any free port), got " + sfnPort);
        }
        try (LocalServices stack = local.serve(bind);
             ServeStepFunctions sfn = sfnPort == null ? null : ServeStepFunctions.start(stack, settings, sfnPort,
                     report -> printReport(report, out))) {
            if (!bind.loopbackOnly()) {
                PrintWriter warn = spec.commandLine().getErr();
                warn.println("sensor-etl serve: WARNING: listening on " + host + ", not only this machine: anyone who can "
                        + "reach these ports can read and write the local buckets and queues with the fixed local "
                        + "credentials printed here. Use it on a trusted network, for containers (sam local invoke).");
                warn.flush();
            }
            // Ctrl-C: stop the services (and withdraw the published endpoints); the queues are already on disk
            Thread closer = new Thread(() -> {
                if (sfn != null) {
                    sfn.close();
                }
                stack.close();
            }, "sensor-etl-serve-shutdown");
            Runtime.getRuntime().addShutdownHook(closer);
            announce(stack, sfn, out);
            LocalRunLedger ledger = new LocalRunLedger(stack.dataDir().stores(), Clock.systemUTC(), Duration.ofHours(6));
            UploadWatcher watcher = new UploadWatcher(stack.s3(), ledger::get);
            PrintWriter err = spec.commandLine().getErr();
            int runs = 0;
            try {
                while (stopAfterRuns == null || runs < stopAfterRuns) {
                    UploadWatcher.Poll poll = watcher.poll();
                    // nothing an upload does may end serve: each problem is one line, and serve goes on
                    for (UploadWatcher.Problem p : poll.problems()) {
                        err.printf("sensor-etl serve: skipped %s: %s; serve goes on (upload it again to retry)%n", p.source(),
                                p.problem());
                        err.flush();
                    }
                    for (UploadWatcher.Upload upload : poll.uploads()) {
                        if (!json) {
                            out.printf("%nnew upload s3://%s/%s (%,d bytes)%n", upload.bucket(), upload.key(), upload.size());
                            out.flush();
                        }
                        try {
                            // printed as the run ends, before a Ctrl-C that stopped it lets the process end
                            RunCommand.execute(stack, new Uploads.Location(upload.bucket(), upload.key()),
                                    RunOptions.DEFAULTS, settings, json, report -> printReport(report, out), p -> {
                                        if (sfn != null) {
                                            sfn.running(p);
                                        }
                                    }, null);
                        } catch (RuntimeException e) {
                            err.printf("sensor-etl serve: the run of %s stopped: %s; serve goes on (upload it again, or"
                                    + " ./sensor-etl run s3://%s/%s --force)%n", upload.describe(), UploadWatcher.oneLine(e),
                                    upload.bucket(), upload.key());
                            err.flush();
                            continue;
                        }
                        runs++;
                        if (stopAfterRuns != null && runs >= stopAfterRuns) {
                            break;
                        }
                    }
                    if (stopAfterRuns == null || runs < stopAfterRuns) {
                        Thread.sleep((long) (pollSeconds * 1000));
                    }
                }
            } catch (InterruptedException e) {
                // asked to stop (an embedding program or a test interrupts the thread, as Ctrl-C ends the process):
                // handled by stopping; the flag stays clear so the services can wait for their own shutdown
            } finally {
                removeHook(closer);
            }
            return 0;
        }
    }

    /** One run's report, whole: runs started through the Step Functions API report from their own thread. */
    private void printReport(RunReport report, PrintWriter out) {
        synchronized (out) {
            if (json) {
                out.println(JsonOutput.document(report));
            } else {
                RunReportText.print(report, out);
            }
            out.flush();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or has run
        }
    }

    private void announce(LocalServices stack, ServeStepFunctions sfn, PrintWriter out) {
        String s3 = stack.s3Endpoint().toString();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("s3Endpoint", s3);
            o.put("sqsEndpoint", stack.sqsEndpoint().toString());
            o.put("region", LocalPipeline.REGION);
            o.put("accessKeyId", io.sensoretl.local.LocalS3.ACCESS_KEY);
            o.put("secretAccessKey", io.sensoretl.local.LocalS3.SECRET_KEY);
            o.put("sourceBucket", DataDir.SOURCE_BUCKET);
            o.put("uploadPrefix", DataDir.UPLOAD_PREFIX);
            o.put("dataBucket", DataDir.DATA_BUCKET);
            o.put("deadLetterQueueUrl", stack.deadLetterQueueUrl());
            o.put("dataDir", stack.dataDir().root().toString());
            o.put("host", host);
            if (sfn != null) {
                o.put("sfnEndpoint", sfn.endpoint().toString());
                o.put("stateMachineArn", sfn.stateMachineArn());
                o.put("console", sfn.endpoint() + "/console/");
            }
            out.println(JsonOutput.document(o));
        } else {
            out.printf("local S3   %s   (buckets %s, %s)%n", s3, DataDir.SOURCE_BUCKET, DataDir.DATA_BUCKET);
            out.printf("local SQS  %s   (dead-letter queue %s)%n", stack.sqsEndpoint(), stack.deadLetterQueueUrl());
            if (sfn != null) {
                out.printf("local SFN  %s   (state machine %s)%n", sfn.endpoint(), sfn.stateMachineArn());
                out.printf("console    %s/console/%n", sfn.endpoint());
            }
            out.printf("data dir   %s%n%n", stack.dataDir().root());
            out.println("upload a dump to start a run, e.g. with the AWS CLI:");
            out.printf("  AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s \\%n", io.sensoretl.local.LocalS3.ACCESS_KEY,
                    io.sensoretl.local.LocalS3.SECRET_KEY, LocalPipeline.REGION);
            out.printf("    aws --endpoint-url %s s3 cp dump.ndjson s3://%s/%sdump.ndjson%n", s3, DataDir.SOURCE_BUCKET,
                    DataDir.UPLOAD_PREFIX);
            out.printf("watching s3://%s/%s every %ss (Ctrl-C to stop)%n", DataDir.SOURCE_BUCKET, DataDir.UPLOAD_PREFIX,
                    pollSeconds);
        }
        out.flush();
    }
}
