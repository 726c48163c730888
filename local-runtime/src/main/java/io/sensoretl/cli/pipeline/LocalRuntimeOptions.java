package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.UserError;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalServices;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every command of the local runtime shares: where its state lives, which ports. */
public final class LocalRuntimeOptions {
    @Option(names = "--data-dir", paramLabel = "<dir>", defaultValue = ".sensor-etl",
            description = "Local buckets, queues, catalog, ledger and execution histories (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--s3-port", paramLabel = "<port>", defaultValue = "0",
            description = "Port of the local S3 endpoint on 127.0.0.1 (default: any free port).")
    int s3Port;

    @Option(names = "--sqs-port", paramLabel = "<port>", defaultValue = "0",
            description = "Port of the local SQS endpoint on 127.0.0.1 (default: any free port).")
    int sqsPort;

    public DataDir dataDir() {
        return new DataDir(dataDir);
    }

    /**
     * The local services of the data dir: those of the {@code serve} running on it, if one runs (then
     * the ports are ignored and, unless {@code quiet}, a line on stderr says so), else started here.
     */
    public LocalServices start(boolean quiet) {
        checkPorts();
        LocalServices stack = LocalServices.open(dataDir(), s3Port, sqsPort);
        if (!quiet) {
            stack.attachedTo().ifPresent(serve -> System.err.println("using the endpoints of the running serve ("
                    + serve.describe() + ")"));
        }
        return stack;
    }

    /** The local services for {@code serve}: started here and published to the other commands. */
    public LocalServices serve() {
        return serve(io.sensoretl.local.BindHost.LOOPBACK);
    }

    /** The same listening on {@code bind} ({@code serve --host}). */
    public LocalServices serve(io.sensoretl.local.BindHost bind) {
        checkPorts();
        return LocalServices.serve(dataDir(), bind, s3Port, sqsPort);
    }

    private void checkPorts() {
        for (int port : new int[] {s3Port, sqsPort}) {
            if (port < 0 || port > 65535) {
                throw new UserError("ports must be between 0 and 65535, got " + port);
            }
        }
        if (s3Port != 0 && s3Port == sqsPort) {
            throw new UserError("--s3-port and --sqs-port must differ, both are " + s3Port);
        }
    }
}
