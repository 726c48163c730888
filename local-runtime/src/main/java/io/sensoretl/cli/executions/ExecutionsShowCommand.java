package io.sensoretl.cli.executions;

import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `executions show <id>`: one execution with its map runs, failures and history. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one execution: status, output or error, map runs, failures and its history.")
final class ExecutionsShowCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<execution>", description = "Execution name or ARN.")
    String execution;

    @Mixin
    ExecutionsOptions options;

    @Option(names = "--events", description = "Print every history event (the table shows the last 30 by default).")
    boolean allEvents;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExecutionSource source = options.source();
        ExecutionDetail detail = ExecutionsCommand.aws(() -> source.show(execution))
                .orElseThrow(() -> new UserError("no execution '" + execution + "' in " + options.where()));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(io.sensoretl.cli.JsonOutput.document(detail.toJson()));
        } else {
            ExecutionTables.show(out, detail, Instant.now(), allEvents ? Integer.MAX_VALUE : 30);
        }
        out.flush();
        return 0;
    }
}
