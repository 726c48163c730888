package io.sensoretl.deploy.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name a {@code Retry} or {@code Catch} of the definition matches is one something can raise:
 * an error of the functions' closed vocabulary ({@code SensorEtl.*}, passed in), a Step Functions
 * error ({@code States.*}, exactly the names the service defines), or an error of the Lambda
 * integration ({@code Lambda.*}: the Lambda API's exceptions and {@code Lambda.Unknown}). Step
 * Functions matches names exactly, so a misspelt or retired name silently switches a retry off; this
 * check turns that into a build failure.
 */
public final class ErrorNameCheck {
    /** The error names Step Functions itself raises (the States Language specification and the service). */
    public static final Set<String> STATES_ERRORS = Set.of(
            "States.ALL", "States.DataLimitExceeded", "States.ExceedToleratedFailureThreshold",
            "States.HeartbeatTimeout", "States.Http.Socket", "States.IntrinsicFailure", "States.ItemReaderFailed",
            "States.NoChoiceMatched", "States.ParameterPathFailure", "States.Permissions",
            "States.QueryEvaluationError", "States.ResultPathMatchFailure", "States.ResultWriterFailed",
            "States.Runtime", "States.TaskFailed", "States.Timeout", "States.BranchFailed");

    private ErrorNameCheck() {}

    /**
     * @param definitionUri names the file in the problems
     * @param definition    the ASL JSON
     * @param raisable      the names the functions can raise
     */
    public static List<String> check(String definitionUri, String definition, Collection<String> raisable) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(definitionUri + " is not JSON", e);
        }
        List<String> problems = new ArrayList<>();
        states(root, definitionUri, raisable, problems);
        return problems;
    }

    private static void states(JsonNode machine, String where, Collection<String> raisable, List<String> problems) {
        for (Iterator<Map.Entry<String, JsonNode>> it = machine.path("States").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> state = it.next();
            for (String field : List.of("Retry", "Catch")) {
                int i = 0;
                for (JsonNode rule : state.getValue().path(field)) {
                    for (JsonNode error : rule.path("ErrorEquals")) {
                        String problem = problem(error.asText(), raisable);
                        if (problem != null) {
                            problems.add(where + ": state '" + state.getKey() + "' " + field + "[" + i + "] matches '"
                                    + error.asText() + "', " + problem);
                        }
                    }
                    i++;
                }
            }
            states(state.getValue().path("ItemProcessor"), where, raisable, problems);
            states(state.getValue().path("Iterator"), where, raisable, problems);
            for (JsonNode branch : state.getValue().path("Branches")) {
                states(branch, where, raisable, problems);
            }
        }
    }

    private static String problem(String name, Collection<String> raisable) {
        if (raisable.contains(name)) {
            return null;
        }
        if (name.startsWith("States.")) {
            return STATES_ERRORS.contains(name) ? null : "which is not an error Step Functions raises";
        }
        if (name.startsWith("Lambda.") && name.length() > "Lambda.".length()) {
            return null;
        }
        return "which the functions cannot raise (they raise only " + String.join(", ", raisable)
                + "; see io.sensoretl.lambda.WorkflowError)";
    }
}
