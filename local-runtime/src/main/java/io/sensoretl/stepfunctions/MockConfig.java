package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.services.TaskMocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Step Functions Local {@code MockConfigFile}, unchanged: {@code StateMachines -> <machine> -> TestCases -> <case>
 * -> <state> -> <mocked response name>} and {@code MockedResponses -> <name> -> "0" | "1-2" | ... -> Return | Throw}.
 * Checked whole when read, so a typo fails at startup naming the field, not in the middle of an execution.
 */
public final class MockConfig {
    /** One mocked response's invocations: {@code from..to} (inclusive) answer {@code response}. */
    private record Range(int from, int to, MockedResponse response) {}

    private final Path source;
    private final Map<String, Map<String, Map<String, String>>> cases;
    private final Map<String, List<Range>> responses;

    private MockConfig(Path source, Map<String, Map<String, Map<String, String>>> cases,
                       Map<String, List<Range>> responses) {
        this.source = source;
        this.cases = cases;
        this.responses = responses;
    }

    /** Reads and checks a MockConfigFile. @throws IllegalArgumentException naming the file and the field */
    public static MockConfig read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the mock config " + file + ": " + e.getMessage(), e);
        }
        JsonNode root;
        try {
            root = Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the mock config " + file + " is " + e.getMessage(), e);
        }
        return parse(root, file);
    }

    static MockConfig parse(JsonNode root, Path file) {
        String where = "mock config " + file + ": ";
        if (!root.isObject()) {
            throw new IllegalArgumentException(where + "expected a JSON object with StateMachines and MockedResponses");
        }
        for (var field : (Iterable<String>) root::fieldNames) {
            if (!field.equals("StateMachines") && !field.equals("MockedResponses")) {
                throw new IllegalArgumentException(where + "unknown field '" + field
                        + "' (expected StateMachines and MockedResponses)");
            }
        }
        Map<String, List<Range>> responses = new LinkedHashMap<>();
        JsonNode mocked = root.path("MockedResponses");
        if (!mocked.isMissingNode() && !mocked.isObject()) {
            throw new IllegalArgumentException(where + "MockedResponses must be an object");
        }
        mocked.properties().forEach(e -> responses.put(e.getKey(), ranges(e.getValue(), where + "MockedResponses." + e.getKey())));
        Map<String, Map<String, Map<String, String>>> cases = new LinkedHashMap<>();
        JsonNode machines = root.path("StateMachines");
        if (!machines.isMissingNode() && !machines.isObject()) {
            throw new IllegalArgumentException(where + "StateMachines must be an object");
        }
        for (var machine : machines.properties()) {
            String at = where + "StateMachines." + machine.getKey();
            JsonNode testCases = machine.getValue().path("TestCases");
            if (!testCases.isObject()) {
                throw new IllegalArgumentException(at + ".TestCases must be an object of test cases");
            }
            Map<String, Map<String, String>> byCase = new LinkedHashMap<>();
            for (var testCase : testCases.properties()) {
                Map<String, String> byState = new LinkedHashMap<>();
                for (var state : testCase.getValue().properties()) {
                    String name = state.getValue().asText();
                    if (!state.getValue().isTextual() || !responses.containsKey(name)) {
                        throw new IllegalArgumentException(at + ".TestCases." + testCase.getKey() + "." + state.getKey()
                                + ": '" + state.getValue().asText() + "' is not in MockedResponses (have: "
                                + responses.keySet() + ")");
                    }
                    byState.put(state.getKey(), name);
                }
                byCase.put(testCase.getKey(), byState);
            }
            cases.put(machine.getKey(), byCase);
        }
        return new MockConfig(file, cases, responses);
    }

    private static List<Range> ranges(JsonNode node, String at) {
        if (!node.isObject() || node.isEmpty()) {
            throw new IllegalArgumentException(at + " must map invocation numbers (\"0\", \"1-2\") to Return or Throw");
        }
        List<Range> out = new ArrayList<>();
        for (var e : node.properties()) {
            String key = e.getKey();
            int from;
            int to;
            try {
                int dash = key.indexOf('-');
                from = Integer.parseInt(dash < 0 ? key : key.substring(0, dash));
                to = dash < 0 ? from : Integer.parseInt(key.substring(dash + 1));
            } catch (NumberFormatException ex) {
                throw new IllegalArgumentException(at + ": '" + key + "' is not an invocation number or range like \"1-2\"");
            }
            if (from < 0 || to < from) {
                throw new IllegalArgumentException(at + ": '" + key + "' is not an ascending range of invocations");
            }
            out.add(new Range(from, to, response(e.getValue(), at + "." + key)));
        }
        return out;
    }

    private static MockedResponse response(JsonNode node, String at) {
        if (node.has("Return") == node.has("Throw") || node.size() != 1) {
            throw new IllegalArgumentException(at + " must have exactly one of Return and Throw");
        }
        if (node.has("Return")) {
            return MockedResponse.returning(node.get("Return"));
        }
        JsonNode t = node.get("Throw");
        if (!t.path("Error").isTextual()) {
            throw new IllegalArgumentException(at + ".Throw.Error must be a string");
        }
        return MockedResponse.throwing(t.get("Error").asText(), t.path("Cause").isTextual() ? t.get("Cause").asText() : null);
    }

    public Path source() {
        return source;
    }

    /** The test cases of a state machine, by name. */
    public java.util.Set<String> testCases(String machine) {
        return cases.getOrDefault(machine, Map.of()).keySet();
    }

    /** The mocks of test case {@code testCase} of state machine {@code machine}, if the file has it. */
    public Optional<TaskMocks> testCase(String machine, String testCase) {
        Map<String, String> byState = cases.getOrDefault(machine, Map.of()).get(testCase);
        if (byState == null) {
            return Optional.empty();
        }
        return Optional.of(new TaskMocks() {
            @Override
            public boolean mocks(String stateName) {
                return byState.containsKey(stateName);
            }

            @Override
            public MockedResponse response(String stateName, int invocation) {
                String name = byState.get(stateName);
                for (Range r : responses.get(name)) {
                    if (invocation >= r.from() && invocation <= r.to()) {
                        return r.response();
                    }
                }
                throw new FailureException(StatesErrorName.RUNTIME, "The mocked response '" + name + "' of state '"
                        + stateName + "' (test case " + testCase + " of " + source + ") has no entry for invocation "
                        + invocation + " (invocations count from 0, retries included)");
            }
        });
    }
}
