package io.sensoretl.console;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened to each state of an execution, from its history (GetExecutionHistory's events, oldest first). The
 * one place that reads a history this way.
 *
 * <p>Each {@code *StateEntered} opens a visit of that state. Every other event belongs to the visit its
 * {@code previousEventId} chain leads back to (Parallel branches and Map iterations interleave in a history; the
 * chain keeps each thread apart). A visit that exits after one of its own failure events ({@code TaskFailed},
 * {@code ParallelStateFailed}, {@code MapRunFailed}, ...) was CAUGHT; one that exits otherwise SUCCEEDED (a retry
 * that succeeded included). A visit still open is FAILED if it failed or if the execution's end
 * ({@code ExecutionFailed}/{@code TimedOut}) is its own event, RUNNING while the execution runs, and ABORTED
 * otherwise (a stopped execution, a branch cancelled when its sibling failed). A Fail state FAILED. After
 * {@code ExecutionRedriven} the failed visits are forgotten: the redrive runs those states again. A state visited
 * more than once shows its most telling outcome ({@link StateStatus} order).
 */
final class StateStatuses {
    private StateStatuses() {}

    private static final class Visit {
        final String name;
        boolean failed;
        StateStatus status;

        Visit(String name) {
            this.name = name;
        }
    }

    /** State name -> status, for the states the history names (others were not reached). */
    static Map<String, StateStatus> of(List<JsonNode> events, boolean executionRunning) {
        Map<Long, Visit> visits = new LinkedHashMap<>();
        Map<Long, Long> owner = new HashMap<>();
        for (JsonNode e : events) {
            String type = e.path("type").asText();
            long id = e.path("id").asLong();
            if (type.endsWith("StateEntered")) {
                Visit v = new Visit(e.path("stateEnteredEventDetails").path("name").asText());
                if (type.equals("FailStateEntered")) {
                    v.status = StateStatus.FAILED;
                }
                visits.put(id, v);
                owner.put(id, id);
                continue;
            }
            Long visitId = owner.get(e.path("previousEventId").asLong());
            if (visitId != null) {
                owner.put(id, visitId);
            }
            Visit v = visitId == null ? null : visits.get(visitId);
            switch (type) {
                case "ExecutionFailed", "ExecutionTimedOut", "ExecutionAborted" -> {
                    boolean aborted = type.equals("ExecutionAborted");
                    for (Visit open : visits.values()) {
                        if (open.status == null) {
                            open.status = open.failed || (open == v && !aborted) ? StateStatus.FAILED
                                    : StateStatus.ABORTED;
                        }
                    }
                }
                case "ExecutionRedriven" -> visits.values().removeIf(x -> x.status == StateStatus.FAILED
                        || x.status == StateStatus.ABORTED);
                default -> {
                    if (v == null || type.startsWith("MapIteration") || type.startsWith("Execution")) {
                        break;
                    }
                    if (type.endsWith("StateExited")) {
                        if (v.status == null) {
                            v.status = v.failed ? StateStatus.CAUGHT : StateStatus.SUCCEEDED;
                        }
                    } else if (type.endsWith("Failed") || type.endsWith("TimedOut")) {
                        v.failed = true;
                    } else if (type.endsWith("Scheduled") || type.endsWith("Started") || type.endsWith("Succeeded")) {
                        // a retry (or the success after one): the earlier failure did not end the visit
                        v.failed = false;
                    }
                }
            }
        }
        Map<String, StateStatus> out = new LinkedHashMap<>();
        for (Visit v : visits.values()) {
            StateStatus s = v.status != null ? v.status
                    : v.failed ? StateStatus.FAILED : executionRunning ? StateStatus.RUNNING : StateStatus.ABORTED;
            out.merge(v.name, s, StateStatus::strongest);
        }
        return out;
    }
}
