package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a state type's own rules report the problems of one state document (the validator implements it). */
public interface StateChecks {
    /** The JSON pointer of the state being checked. */
    String pointer();

    /** Whether the state is evaluated as JSONata (its own QueryLanguage, else its machine's). */
    boolean jsonata();

    /** Whether a state of that name exists beside this one (a transition target). */
    boolean hasState(String name);

    void problem(String pointer, String message);

    /** Validates a machine nested in this state (a branch, the item processor) in this state's query language. */
    void machine(JsonNode node, String pointer);

    /** A key as a JSON pointer step. */
    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }
}
