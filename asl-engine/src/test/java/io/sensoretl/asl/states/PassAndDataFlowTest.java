package io.sensoretl.asl.states;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import org.junit.jupiter.api.Test;

class PassAndDataFlowTest {
    private final Engines engines = new Engines();

    @Test
    void resultIsPlacedAtResultPathKeepingTheInput() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':{'x':1},"
                + "'ResultPath':'$.a.b','End':true}}}"), q("{'keep':true}"));
        assertJson(r.output(), json(q("{'keep':true,'a':{'b':{'x':1}}}")));
    }

    @Test
    void resultPathCanReplaceAnExistingArrayElement() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'new',"
                + "'ResultPath':'$.list[1]','End':true}}}"), q("{'list':['a','b','c']}"));
        assertJson(r.output(), json(q("{'list':['a','new','c']}")));
    }

    @Test
    void resultPathIntoAScalarInputIsAResultPathMatchFailure() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':1,"
                + "'ResultPath':'$.x','End':true}}}"), "\"text\"");
        assertThat(r.error()).isEqualTo("States.ResultPathMatchFailure");
    }

    @Test
    void parametersEvaluateDollarKeysAgainstInputPathSelection() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','InputPath':'$.in',"
                + "'Parameters':{'v.$':'$.v','lit':'$.v','ctx.$':'$$.Execution.Name'},'End':true}}}"), q("{'in':{'v':7}}"));
        assertJson(r.output(), json(q("{'v':7,'lit':'$.v','ctx':'exec-1'}")));
    }

    @Test
    void nullInputPathGivesEmptyObjectAndNullResultPathDiscardsResult() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','InputPath':null,"
                + "'Parameters':{'seen.$':'$'},'ResultPath':null,'End':true}}}"), q("{'a':1}"));
        assertJson(r.output(), json(q("{'a':1}")));
    }

    @Test
    void outputPathSelectsFromTheMergedOutput() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':5,'ResultPath':'$.r',"
                + "'OutputPath':'$.r','End':true}}}"), "{}");
        assertJson(r.output(), json("5"));
    }

    @Test
    void missingParameterPathFailsWithStatesRuntimeNamingFieldAndEventId() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Parameters':{'v.$':'$.nope'},"
                + "'End':true}}}"), "{}");
        assertThat(r.status()).isEqualTo(ExecutionStatus.FAILED);
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).startsWith("An error occurred while executing the state 'P' (entered at the event id #2). "
                + "The JSONPath '$.nope' specified for the field 'v.$' could not be found");
    }

    @Test
    void missingOutputPathReportsJaywayStyleMessage() {
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','OutputPath':'$.a.b',"
                + "'End':true}}}"), "{}");
        assertThat(r.cause()).endsWith("Invalid path '$.a.b' : Missing property in path $['a']");
    }

    @Test
    void outputOverTheDataLimitFailsWithDataLimitExceeded() {
        String big = "x".repeat(300_000);
        ExecutionResult r = engines.run(q("{'StartAt':'P','States':{'P':{'Type':'Pass','Result':'" + big + "',"
                + "'End':true}}}"), "{}");
        assertThat(r.error()).isEqualTo("States.DataLimitExceeded");
        assertThat(r.cause()).contains("'P'");
    }

    @Test
    void succeedStateEndsWithFilteredInput() {
        ExecutionResult r = engines.run(q("{'StartAt':'S','States':{'S':{'Type':'Succeed','OutputPath':'$.a'}}}"),
                q("{'a':[1]}"));
        assertJson(r.output(), json("[1]"));
    }

    @Test
    void failStateTakesErrorAndCauseFromPathsAndIntrinsics() {
        String def = """
                {"StartAt":"F","States":{"F":{"Type":"Fail","ErrorPath":"$.e",
                 "CausePath":"States.Format('bad {}', $.n)"}}}""";
        ExecutionResult r = engines.run(def, q("{'e':'E1','n':3}"));
        assertThat(r.error()).isEqualTo("E1");
        assertThat(r.cause()).isEqualTo("bad 3");
    }
}
