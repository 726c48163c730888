package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.ChoiceState;
import io.sensoretl.asl.definition.FailState;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.ParallelState;
import io.sensoretl.asl.definition.Parsing;
import io.sensoretl.asl.definition.PassState;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateChecks;
import io.sensoretl.asl.definition.StateCommon;
import io.sensoretl.asl.definition.SucceedState;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.definition.WaitState;
import io.sensoretl.asl.runtime.StateEnv;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state types of the States Language, one row each: the fields it may carry, how its record is parsed
 * and checked, and the handler that runs it. The validator, the parser and the interpreter all look types up
 * here, so a new state type is one row (with its record and its handler).
 */
public enum StateType {
    PASS("Pass", Shape.STEP, Set.of("Result", "Parameters", "ResultPath"),
            PassState.class, PassState::parse, StateType::noChecks, new PassHandler()),
    TASK("Task", Shape.STEP_WITH_RESULT, Set.of("Resource", "TimeoutSeconds", "TimeoutSecondsPath", "HeartbeatSeconds",
            "HeartbeatSecondsPath", "Credentials"),
            TaskState.class, TaskState::parse, TaskState::check, new TaskHandler()),
    CHOICE("Choice", Shape.OWN_TRANSITIONS, Set.of("Choices", "Default"),
            ChoiceState.class, ChoiceState::parse, ChoiceState::check, new ChoiceHandler()),
    WAIT("Wait", Shape.STEP, Set.of("Seconds", "SecondsPath", "Timestamp", "TimestampPath"),
            WaitState.class, WaitState::parse, WaitState::check, new WaitHandler()),
    SUCCEED("Succeed", Shape.OWN_TRANSITIONS, Set.of(),
            SucceedState.class, SucceedState::parse, StateType::noChecks, new SucceedHandler()),
    FAIL("Fail", Shape.OWN_TRANSITIONS, Set.of("Error", "ErrorPath", "Cause", "CausePath"),
            FailState.class, FailState::parse, StateType::noChecks, new FailHandler()),
    PARALLEL("Parallel", Shape.STEP_WITH_RESULT, Set.of("Branches"),
            ParallelState.class, ParallelState::parse, ParallelState::check, new ParallelHandler()),
    MAP("Map", Shape.STEP_WITH_RESULT, Set.of("Iterator", "ItemProcessor", "ItemsPath", "Items", "ItemSelector",
            "ItemReader", "ItemBatcher", "ResultWriter", "MaxConcurrency", "MaxConcurrencyPath", "ToleratedFailureCount",
            "ToleratedFailureCountPath", "ToleratedFailurePercentage", "ToleratedFailurePercentagePath", "Label"),
            MapState.class, MapState::parse, MapState::check, new MapHandler());

    /** How a type moves on and whether it produces a result, which decides the fields it shares with others. */
    enum Shape {
        /** Moves on by Next or End. */
        STEP,
        /** Moves on by Next or End, with a result shaped by Parameters/Arguments, ResultSelector, ResultPath, Retry, Catch. */
        STEP_WITH_RESULT,
        /** Has no Next/End of its own: Choice picks the next state, Succeed and Fail end. */
        OWN_TRANSITIONS
    }

    /** Parses the type's own fields into its record. */
    @FunctionalInterface
    interface Parser<S extends State> {
        S parse(StateCommon common, JsonNode state, Parsing parsing);
    }

    /** Reports what is wrong with the type's own fields. */
    @FunctionalInterface
    interface Checks {
        void check(JsonNode state, StateChecks checks);
    }

    private static final Set<String> COMMON = Set.of("Type", "Comment", "QueryLanguage", "Next", "End", "InputPath",
            "OutputPath", "Assign", "Output");
    private static final Set<String> RESULT = Set.of("Parameters", "Arguments", "ResultSelector", "ResultPath", "Retry",
            "Catch");
    private static final Map<String, StateType> BY_NAME = new LinkedHashMap<>();

    static {
        for (StateType t : values()) {
            BY_NAME.put(t.typeName, t);
        }
    }

    private final String typeName;
    private final Shape shape;
    private final Set<String> ownFields;
    private final Kind<?> kind;
    private final Checks checks;

    <S extends State> StateType(String typeName, Shape shape, Set<String> ownFields, Class<S> record, Parser<S> parser,
                                Checks checks, StateHandler<S> handler) {
        this.typeName = typeName;
        this.shape = shape;
        this.ownFields = ownFields;
        this.kind = new Kind<>(record, parser, handler);
        this.checks = checks;
    }

    /** The type named by a state's "Type" field. */
    public static Optional<StateType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    static StateType of(State state) {
        return BY_NAME.get(state.common().type());
    }

    /** "Pass", "Task", ... as definitions write it. */
    public String typeName() {
        return typeName;
    }

    /** Every field a state of this type may carry, in either query language. */
    public Set<String> allowedFields() {
        Set<String> all = new HashSet<>(COMMON);
        all.addAll(ownFields);
        if (shape == Shape.STEP_WITH_RESULT) {
            all.addAll(RESULT);
        }
        return all;
    }

    /** Whether the state must say Next or "End": true (Choice, Succeed and Fail do not). */
    public boolean needsNextOrEnd() {
        return shape != Shape.OWN_TRANSITIONS;
    }

    /** The rules of this type beyond its fields and transitions (e.g. Wait needs exactly one duration). */
    public void check(JsonNode state, StateChecks report) {
        checks.check(state, report);
    }

    State parse(StateCommon common, JsonNode state, Parsing parsing) {
        return kind.parser().parse(common, state, parsing);
    }

    Outcome run(State state, JsonNode input, StateEnv env) {
        return kind.run(state, input, env);
    }

    private static void noChecks(JsonNode state, StateChecks checks) {
        // nothing beyond the allowed fields and the transitions
    }

    /** A type's record class with its parser and handler, so running one needs no unchecked cast. */
    private record Kind<S extends State>(Class<S> record, Parser<S> parser, StateHandler<S> handler) {
        Outcome run(State state, JsonNode input, StateEnv env) {
            return handler.run(record.cast(state), input, env);
        }
    }
}
