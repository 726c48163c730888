package io.sensoretl.asl.jsonata;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonataStatesTest {
    private final Engines engines = new Engines();

    private ExecutionResult output(String expression, String input) {
        return engines.run("{\"QueryLanguage\":\"JSONata\",\"StartAt\":\"P\",\"States\":{\"P\":{\"Type\":\"Pass\","
                + "\"Output\":" + expression + ",\"End\":true}}}", input);
    }

    @Test
    void outputEvaluatesNestedExpressionsAndKeepsLiterals() {
        ExecutionResult r = output(q("{'a':'{% $states.input.x + 1 %}','lit':' {% not me %} ','arr':['{% 2*3 %}']}"),
                "{\"x\":1}");
        assertJson(r.output(), json(q("{'a':2,'lit':' {% not me %} ','arr':[6]}")));
    }

    @Test
    void stepFunctionsFunctionsAreAvailable() {
        assertJson(output(q("'{% $partition([1,2,3], 2) %}'"), "{}").output(), json("[[1,2],[3]]"));
        assertJson(output(q("'{% $range(0, 10, 5) %}'"), "{}").output(), json("[0,5,10]"));
        assertThat(output(q("'{% $hash(\\\"a\\\", \\\"MD5\\\") %}'").replace("\\\"", "'"), "{}").output().asText())
                .isEqualTo("0cc175b9c0f1b6a831c399e269772661");
        assertJson(output(q("'{% $parse(\\\"[1]\\\") %}'").replace("\\\"", "'"), "{}").output(), json("[1]"));
        assertThat(output(q("'{% $uuid() %}'"), "{}").output().asText()).matches("[0-9a-f-]{36}");
        ExecutionResult random = output(q("'{% $random() %}'"), "{}");
        assertThat(random.status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(random.output().isDouble()).as("a number, not a failed evaluation").isTrue();
        assertThat(random.output().asDouble()).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        // with a seed the value is Java's Random of that seed, as AWS documents it to be repeatable
        assertThat(output(q("'{% $random(7) %}'"), "{}").output().asDouble()).isEqualTo(new Random(7).nextDouble());
    }

    @Test
    void evalIsRemoved() {
        ExecutionResult r = output(q("'{% $eval(\\\"1\\\") %}'").replace("\\\"", "'"), "{}");
        assertThat(r.error()).isEqualTo("States.QueryEvaluationError");
        assertThat(r.cause()).contains("T1006");
    }

    @Test
    void undefinedResultIsAnErrorNamingTheField() {
        ExecutionResult r = output(q("{'result':'{% $nothing %}'}"), "{}");
        assertThat(r.cause()).endsWith("The JSONata expression '$nothing' specified for the field 'Output/result' "
                + "returned nothing (undefined).");
    }

    @Test
    void assignedVariablesAreVisibleFromTheNextStateOnly() {
        ExecutionResult r = engines.run(q("{'QueryLanguage':'JSONata','StartAt':'A','States':{"
                + "'A':{'Type':'Pass','Assign':{'v':'{% $states.input.n %}'},'Output':{'same':'{% $exists($v) %}'},'Next':'B'},"
                + "'B':{'Type':'Pass','Output':{'prev':'{% $states.input.same %}','v':'{% $v %}'},'End':true}}}"), "{\"n\":5}");
        assertJson(r.output(), json(q("{'prev':false,'v':5}")));
    }

    @Test
    void argumentsAndResultFeedTaskOutput() {
        engines.engine.lambdas().register("echo",
                (com.amazonaws.services.lambda.runtime.RequestHandler<Object, Object>) (in, ctx) -> in);
        ExecutionResult r = engines.run(q("{'QueryLanguage':'JSONata','StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:states:::lambda:invoke','Arguments':{'FunctionName':'echo','Payload':{'x':'{% $states.input.x %}'}},"
                + "'Output':'{% $states.result.Payload.x %}','End':true}}}"), "{\"x\":\"hi\"}");
        assertThat(r.output().asText()).isEqualTo("hi");
    }

    @Test
    void mixedLanguagesPassDataBetweenStates() {
        ExecutionResult r = engines.run(q("{'StartAt':'A','States':{'A':{'Type':'Pass','Parameters':{'v.$':'$.x'},"
                + "'Assign':{'saved.$':'$.v'},'Next':'B'},'B':{'Type':'Pass','QueryLanguage':'JSONata',"
                + "'Output':'{% $saved & $states.input.v %}','End':true}}}"), "{\"x\":\"z\"}");
        assertThat(r.output().asText()).isEqualTo("zz");
    }
}
