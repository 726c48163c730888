package io.sensoretl.asl.definition;

/** A parsed state; each permitted record is one state type of the States Language. */
public sealed interface State permits PassState, TaskState, ChoiceState, WaitState, SucceedState, FailState,
        ParallelState, MapState {
    StateCommon common();

    default String name() {
        return common().name();
    }

    default QueryLanguage queryLanguage() {
        return common().queryLanguage();
    }
}
