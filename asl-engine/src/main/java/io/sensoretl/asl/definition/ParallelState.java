package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Parallel: runs every branch on the same input; the result is the array of branch outputs. */
public record ParallelState(StateCommon common, List<StateMachineDefinition> branches, JsonNode parameters,
                            JsonNode resultSelector, ResultPathSpec resultPath, ErrorHandling errorHandling)
        implements State {

    public static ParallelState parse(StateCommon common, JsonNode s, Parsing parsing) {
        QueryLanguage ql = common.queryLanguage();
        List<StateMachineDefinition> branches = new ArrayList<>();
        s.path("Branches").forEach(b -> branches.add(parsing.machine(b)));
        return new ParallelState(common, List.copyOf(branches), Nodes.parameters(s, ql), s.get("ResultSelector"),
                ResultPathSpec.parse(s, ql), ErrorHandling.parse(s, ql));
    }

    public static void check(JsonNode s, StateChecks checks) {
        String ptr = checks.pointer();
        JsonNode branches = s.get("Branches");
        if (branches == null || !branches.isArray() || branches.isEmpty()) {
            checks.problem(ptr + "/Branches", "Parallel needs a non-empty Branches array");
            return;
        }
        for (int i = 0; i < branches.size(); i++) {
            checks.machine(branches.get(i), ptr + "/Branches/" + i);
        }
    }
}
