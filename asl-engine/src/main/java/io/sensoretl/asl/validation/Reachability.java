package io.sensoretl.asl.validation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every state must be reachable from StartAt through Next, Default, Choices and Catch. */
final class Reachability {
    private Reachability() {}

    static void check(JsonNode states, String start, String ptr, List<Problem> problems) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (!seen.add(n) || !states.has(n)) {
                continue;
            }
            JsonNode s = states.get(n);
            if (s.has("Next")) {
                todo.add(s.get("Next").asText());
            }
            if (s.has("Default")) {
                todo.add(s.get("Default").asText());
            }
            s.path("Choices").forEach(c -> todo.add(c.path("Next").asText()));
            s.path("Catch").forEach(c -> todo.add(c.path("Next").asText()));
        }
        states.fieldNames().forEachRemaining(n -> {
            if (!seen.contains(n)) {
                problems.add(new Problem(ptr + "/States/" + DefinitionValidator.escape(n), "state '" + n + "' is unreachable from StartAt"));
            }
        });
    }

}
