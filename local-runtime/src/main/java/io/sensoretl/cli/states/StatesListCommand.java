package io.sensoretl.cli.states;

import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.cli.JsonOutput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `states list`: the executions kept in the store, one per line with status. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List recorded executions with their status.")
final class StatesListCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    ExecutionsDir executions;

    @Option(names = "--json", description = "Print {schemaVersion, executions: [{name, status, startDate, executionArn}]} (docs/asl-engine.md).")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        ExecutionStore s = new ExecutionStore(executions.path());
        List<ExecutionRecord> records = new ArrayList<>();
        for (String name : s.list()) {
            s.find(name).ifPresent(records::add);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (ExecutionRecord r : records) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("name", r.name());
                e.put("status", String.valueOf(r.status()));
                e.put("startDate", String.valueOf(r.startDate()));
                e.put("executionArn", r.executionArn());
                list.add(e);
            }
            out.println(JsonOutput.document(Map.of("executions", list)));
            return 0;
        }
        for (ExecutionRecord r : records) {
            out.println(r.name() + "\t" + r.status() + "\t" + r.startDate() + "\t" + r.executionArn());
        }
        return 0;
    }
}
