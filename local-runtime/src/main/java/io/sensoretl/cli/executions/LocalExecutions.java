package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.ExecutionOwners;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Executions the local engine recorded under the data directory ({@code DataDir.executions()}). An
 * execution of the workflow left RUNNING by a process that is gone (killed, crashed) is shown, and saved,
 * ABORTED, as Step Functions shows a stopped execution ({@link ExecutionOwners#settle}).
 */
public final class LocalExecutions implements ExecutionSource {
    private final ExecutionStore store;
    private final UnaryOperator<ExecutionRecord> settle;

    public LocalExecutions(ExecutionStore store) {
        this(store, UnaryOperator.identity());
    }

    public LocalExecutions(DataDir dataDir) {
        this(new ExecutionStore(dataDir.executions()), new ExecutionOwners(dataDir, Clock.systemUTC())::settle);
    }

    LocalExecutions(ExecutionStore store, UnaryOperator<ExecutionRecord> settle) {
        this.store = store;
        this.settle = settle;
    }

    @Override
    public List<ExecutionSummary> list(int max, String status) {
        List<ExecutionSummary> out = new ArrayList<>();
        for (String name : store.list()) {
            store.find(name).map(settle).map(LocalExecutions::summary)
                    .filter(s -> status == null || status.equals(s.status()))
                    .ifPresent(out::add);
        }
        out.sort(Comparator.comparing(ExecutionSummary::startDate, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ExecutionSummary::name));
        return out.size() > max ? out.subList(0, max) : out;
    }

    @Override
    public Optional<ExecutionDetail> show(String nameOrArn) {
        return store.find(nameOrArn).map(settle).map(r -> {
            List<JsonNode> events = new ArrayList<>();
            r.historyJson().path("events").forEach(events::add);
            // DescribeMapRun's shape, as from AWS: the record's failedItems (what the console lists) and
            // childExecutions (what ListExecutions by mapRunArn answers) stay out
            List<JsonNode> runs = new ArrayList<>();
            r.mapRuns().forEach(run -> runs.add(((com.fasterxml.jackson.databind.node.ObjectNode) run.deepCopy())
                    .without(List.of("failedItems", "childExecutions"))));
            return new ExecutionDetail(summary(r), r.input(), r.output(), r.error(), r.cause(), events, runs);
        });
    }

    private static ExecutionSummary summary(ExecutionRecord r) {
        return new ExecutionSummary(r.name(), r.executionArn(), r.stateMachineArn(), r.status(), r.startDate(),
                r.stopDate() == null || r.stopDate().isEmpty() ? null : r.stopDate());
    }
}
