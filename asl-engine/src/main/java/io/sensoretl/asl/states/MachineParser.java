package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.DefinitionParseException;
import io.sensoretl.asl.definition.QueryLanguage;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateChecks;
import io.sensoretl.asl.definition.StateCommon;
import io.sensoretl.asl.definition.StateMachineDefinition;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns a validated definition document into the immutable record tree the interpreter walks. */
public final class MachineParser {
    private MachineParser() {}

    /** @throws DefinitionParseException naming the state whose fields do not parse */
    public static StateMachineDefinition parse(JsonNode root) {
        QueryLanguage ql = root.has("QueryLanguage") ? QueryLanguage.parse(root.get("QueryLanguage").asText())
                : QueryLanguage.JSONPATH;
        return machine(root, ql, "");
    }

    private static StateMachineDefinition machine(JsonNode node, QueryLanguage inherited, String pointer) {
        QueryLanguage ql = node.has("QueryLanguage") ? QueryLanguage.parse(node.get("QueryLanguage").asText()) : inherited;
        Map<String, State> states = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.path("States").properties().iterator();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String at = pointer + "/States/" + StateChecks.escape(e.getKey());
            states.put(e.getKey(), state(e.getKey(), e.getValue(), ql, at));
        }
        Integer timeout = node.has("TimeoutSeconds") ? node.get("TimeoutSeconds").asInt() : null;
        return new StateMachineDefinition(node.path("StartAt").asText(), Collections.unmodifiableMap(states), ql, timeout);
    }

    private static State state(String name, JsonNode s, QueryLanguage machineQl, String pointer) {
        try {
            StateCommon common = StateCommon.parse(name, s, machineQl);
            StateType type = StateType.named(common.type()).orElseThrow(() -> new IllegalArgumentException(
                    "state '" + name + "' has unknown Type '" + common.type() + "'"));
            return type.parse(common, s, nested -> machine(nested, machineQl, pointer + nestedStep(s, nested)));
        } catch (DefinitionParseException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new DefinitionParseException(pointer, "state '" + name + "': " + e.getMessage(), e);
        }
    }

    /** The pointer step of a nested machine: /Branches/i, /ItemProcessor or /Iterator. */
    private static String nestedStep(JsonNode state, JsonNode nested) {
        JsonNode branches = state.path("Branches");
        for (int i = 0; i < branches.size(); i++) {
            if (branches.get(i) == nested) {
                return "/Branches/" + i;
            }
        }
        return state.has("ItemProcessor") ? "/ItemProcessor" : "/Iterator";
    }
}
