package io.sensoretl.cli.states;

import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `states history`: prints an earlier execution's events in the GetExecutionHistory shape. */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "Print the history of an earlier execution (by name or ARN) as GetExecutionHistory JSON.")
final class StatesHistoryCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<execution>", description = "Execution name or ARN")
    String execution;

    @picocli.CommandLine.Mixin
    ExecutionsDir executions;

    @Option(names = "--describe", description = "Print DescribeExecution fields and map runs instead of events")
    boolean describe;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExecutionRecord record = new ExecutionStore(executions.path()).find(execution)
                .orElseThrow(() -> new UserError("no execution '" + execution + "' in " + executions.path()));
        if (describe) {
            var out = record.describe();
            var runs = out.putArray("mapRuns");
            record.mapRuns().forEach(runs::add);
            spec.commandLine().getOut().println(Json.pretty(out));
        } else {
            spec.commandLine().getOut().println(Json.pretty(record.historyJson()));
        }
        return 0;
    }
}
