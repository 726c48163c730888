package io.sensoretl.cli.states;

import io.sensoretl.asl.history.ExecutionStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `states list`: the executions kept in the store, one per line with status. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded executions with their status.")
final class StatesListCommand implements Callable<Integer> {
    @Option(names = "--store", paramLabel = "<dir>", description = "Execution records folder (default: .sensor-etl/executions)")
    Path store = CliFiles.DEFAULT_STORE;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExecutionStore s = new ExecutionStore(store);
        for (String name : s.list()) {
            s.find(name).ifPresent(r -> spec.commandLine().getOut().println(r.name() + "\t" + r.status() + "\t"
                    + r.startDate() + "\t" + r.executionArn()));
        }
        return 0;
    }
}
