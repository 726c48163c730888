package io.sensoretl.cli.executions;

import io.sensoretl.cli.UserError;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.core.exception.SdkException;

/** `sensor-etl executions list|show`: past workflow executions, local or on AWS. */
@Command(name = "executions", mixinStandardHelpOptions = true,
        description = "Past executions of the workflow with their history, map runs and failures (local, or --on aws).",
        subcommands = {ExecutionsListCommand.class, ExecutionsShowCommand.class})
public final class ExecutionsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs a call against AWS, turning service and client errors into one-line user errors. */
    static <T> T aws(Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw new UserError("Step Functions: " + ExecutionsOptions.firstLine(e.getMessage()));
        }
    }
}
