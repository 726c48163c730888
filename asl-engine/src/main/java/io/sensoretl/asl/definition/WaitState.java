package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Wait: Seconds or SecondsPath, else Timestamp or TimestampPath (exactly one of the four, checked at load).
 * In a JSONata state Seconds and Timestamp are JSONata templates.
 */
public record WaitState(StateCommon common, ValueSource seconds, ValueSource timestamp) implements State {

    public static WaitState parse(StateCommon common, JsonNode s, Parsing parsing) {
        QueryLanguage ql = common.queryLanguage();
        return new WaitState(common, value(s, "Seconds", ql), value(s, "Timestamp", ql));
    }

    /** A JSONata template in JSONata states; else the value itself or its *Path twin. */
    private static ValueSource value(JsonNode s, String field, QueryLanguage ql) {
        if (ql == QueryLanguage.JSONATA) {
            return s.has(field) ? new ValueSource.Jsonata(s.get(field)) : null;
        }
        if (s.has(field)) {
            return new ValueSource.Literal(s.get(field));
        }
        String path = Nodes.text(s, field + "Path");
        return path == null ? null : ValueSource.Reference.parse(path);
    }

    public static void check(JsonNode s, StateChecks checks) {
        int n = 0;
        for (String f : List.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath")) {
            n += s.has(f) ? 1 : 0;
        }
        if (n != 1) {
            checks.problem(checks.pointer(), "Wait needs exactly one of Seconds, SecondsPath, Timestamp, TimestampPath");
        }
    }
}
