package io.sensoretl.asl.definition;

/**
 * A parsed state: one record per state type of the States Language. The types themselves are listed once,
 * in the engine's state-type table, which parses, checks and runs each of them.
 */
public interface State {
    StateCommon common();

    default String name() {
        return common().name();
    }

    default QueryLanguage queryLanguage() {
        return common().queryLanguage();
    }
}
