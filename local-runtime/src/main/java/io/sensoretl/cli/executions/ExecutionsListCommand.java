package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** `executions list`: newest first, with status, start, stop and duration. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List past executions, newest first.")
final class ExecutionsListCommand implements Callable<Integer> {
    private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED", "PENDING_REDRIVE");

    @Mixin
    ExecutionsOptions options;

    @Option(names = "--max", defaultValue = "20", description = "At most this many executions. Default: ${DEFAULT-VALUE}.")
    int max;

    @Option(names = "--status", paramLabel = "<status>", description = "Only executions with this status: " +
            "RUNNING, SUCCEEDED, FAILED, TIMED_OUT, ABORTED, PENDING_REDRIVE.")
    String status;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (max < 1) {
            throw new UserError("--max must be at least 1, got " + max);
        }
        if (status != null && !STATUSES.contains(status)) {
            throw new UserError("--status must be one of " + STATUSES + ", got '" + status + "'");
        }
        ExecutionSource source = options.source();
        List<ExecutionSummary> executions = ExecutionsCommand.aws(() -> source.list(max, status));
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            ObjectNode o = Json.object();
            o.put("source", options.on.name());
            ArrayNode list = o.putArray("executions");
            executions.forEach(e -> list.add(e.toJson()));
            out.println(io.sensoretl.cli.JsonOutput.document(o));
        } else if (executions.isEmpty()) {
            out.println("no executions in " + options.where());
        } else {
            ExecutionTables.list(out, executions, Instant.now());
        }
        out.flush();
        return 0;
    }
}
