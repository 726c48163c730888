package io.sensoretl.asl.states;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.definition.ChoiceState;
import io.sensoretl.asl.definition.FailState;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.ParallelState;
import io.sensoretl.asl.definition.PassState;
import io.sensoretl.asl.definition.State;
import io.sensoretl.asl.definition.StateMachineDefinition;
import io.sensoretl.asl.definition.SucceedState;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.definition.ValueSource;
import io.sensoretl.asl.definition.WaitState;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The state-type table: one row per type decides its fields, its record and its handler. */
class StateTypeTest {
    private static final String EVERY_TYPE = """
            {"StartAt":"Pass","States":{
              "Pass":{"Type":"Pass","Next":"Task"},
              "Task":{"Type":"Task","Resource":"arn:aws:lambda:us-east-1:1:function:f","Next":"Choice"},
              "Choice":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"Wait"}],"Default":"Wait"},
              "Wait":{"Type":"Wait","Seconds":1,"Next":"Parallel"},
              "Parallel":{"Type":"Parallel","Branches":[{"StartAt":"B","States":{"B":{"Type":"Succeed"}}}],"Next":"Map"},
              "Map":{"Type":"Map","ItemProcessor":{"StartAt":"I","States":{"I":{"Type":"Succeed"}}},"Next":"Succeed"},
              "Succeed":{"Type":"Succeed"},
              "Fail":{"Type":"Fail"}}}""";

    @Test
    void everyStateTypeOfTheLanguageHasOneRow() {
        assertThat(Arrays.stream(StateType.values()).map(StateType::typeName))
                .containsExactlyInAnyOrder("Pass", "Task", "Choice", "Wait", "Succeed", "Fail", "Parallel", "Map");
        assertThat(StateType.named("Map")).contains(StateType.MAP);
        assertThat(StateType.named("Loop")).isEmpty();
    }

    @Test
    void eachRowParsesItsOwnRecordAndFindsItsRowAgainFromTheRecord() {
        StateMachineDefinition machine = MachineParser.parse(Json.parse(EVERY_TYPE));
        Map<String, Class<? extends State>> expected = Map.of("Pass", PassState.class, "Task", TaskState.class,
                "Choice", ChoiceState.class, "Wait", WaitState.class, "Parallel", ParallelState.class, "Map",
                MapState.class, "Succeed", SucceedState.class, "Fail", FailState.class);
        expected.forEach((name, record) -> {
            State state = machine.state(name);
            assertThat(state).as(name).isInstanceOf(record);
            assertThat(StateType.of(state).typeName()).isEqualTo(name);
        });
    }

    @Test
    void fieldsFollowTheShapeOfTheType() {
        assertThat(StateType.TASK.allowedFields()).contains("Resource", "Retry", "Catch", "ResultSelector", "Arguments",
                "InputPath", "Assign");
        assertThat(StateType.PASS.allowedFields()).contains("Result", "Parameters", "ResultPath")
                .doesNotContain("Retry", "Catch", "ResultSelector", "Resource");
        assertThat(StateType.MAP.allowedFields()).contains("ItemReader", "ToleratedFailurePercentagePath", "Retry");
        assertThat(Arrays.stream(StateType.values()).filter(t -> !t.needsNextOrEnd()))
                .containsExactlyInAnyOrder(StateType.CHOICE, StateType.SUCCEED, StateType.FAIL);
    }

    @Test
    void nestedMachinesInheritTheEnclosingLanguageAndFieldsAreTypedAtLoad() {
        StateMachineDefinition machine = MachineParser.parse(Json.parse("""
                {"QueryLanguage":"JSONata","StartAt":"M","States":{"M":{"Type":"Map","MaxConcurrency":"{% 2 %}",
                 "ItemProcessor":{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"r","TimeoutSeconds":"{% 9 %}",
                 "End":true}}},"End":true}}}"""));
        MapState map = (MapState) machine.state("M");
        assertThat(map.limits().maxConcurrency().source()).isInstanceOf(ValueSource.Jsonata.class);
        TaskState task = (TaskState) map.processor().state("T");
        assertThat(task.queryLanguage()).isEqualTo(machine.queryLanguage());
        assertThat(task.timeoutSeconds().source()).isInstanceOf(ValueSource.Jsonata.class);
    }

    @Test
    void aFieldThatOnlyFailsToParseAtLoadIsAnInvalidDefinitionNamingItsState() {
        assertThatThrownBy(() -> AslEngine.load(Json.parse("""
                {"StartAt":"P","States":{"P":{"Type":"Parallel","End":true,"Branches":[{"StartAt":"T","States":{
                 "T":{"Type":"Task","QueryLanguage":"JSONata","Resource":"r","TimeoutSecondsPath":"$.a[","End":true}}}]}}}""")))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("/States/P/Branches/0/States/T: state 'T': ");
    }
}
