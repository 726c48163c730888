package io.sensoretl.asl.states;

import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.ExecutionResult;
import org.junit.jupiter.api.Test;

class ChoiceStateTest {
    private final Engines engines = new Engines();

    private String choose(String rule, String input) {
        String def = q("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[" + rule + "],'Default':'No'},"
                + "'Yes':{'Type':'Pass','Result':'yes','End':true},'No':{'Type':'Pass','Result':'no','End':true}}}");
        return engines.run(def, q(input)).output().asText();
    }

    @Test
    void numericComparisonOfAStringIsFalseNotAnError() {
        assertThat(choose("{'Variable':'$.v','NumericEquals':1,'Next':'Yes'}", "{'v':'1'}")).isEqualTo("no");
        assertThat(choose("{'Variable':'$.v','NumericEquals':1,'Next':'Yes'}", "{'v':1.0}")).isEqualTo("yes");
    }

    @Test
    void pathOperatorsCompareWithAnotherInputValue() {
        assertThat(choose("{'Variable':'$.a','NumericLessThanPath':'$.b','Next':'Yes'}", "{'a':1,'b':2}")).isEqualTo("yes");
        assertThat(choose("{'Variable':'$.a','StringGreaterThanEqualsPath':'$.b','Next':'Yes'}", "{'a':'a','b':'b'}"))
                .isEqualTo("no");
    }

    @Test
    void booleanCombinatorsNest() {
        String rule = "{'And':[{'Variable':'$.a','IsPresent':true},{'Not':{'Variable':'$.a','IsNull':true}},"
                + "{'Or':[{'Variable':'$.a','BooleanEquals':true},{'Variable':'$.a','StringEquals':'x'}]}],'Next':'Yes'}";
        assertThat(choose(rule, "{'a':'x'}")).isEqualTo("yes");
        assertThat(choose(rule, "{'a':null}")).isEqualTo("no");
    }

    @Test
    void stringMatchesSupportsWildcardsAndEscapes() {
        assertThat(choose("{'Variable':'$.f','StringMatches':'log-*.txt','Next':'Yes'}", "{'f':'log-1.txt'}"))
                .isEqualTo("yes");
        assertThat(choose("{'Variable':'$.f','StringMatches':'a\\\\*','Next':'Yes'}", "{'f':'a*'}")).isEqualTo("yes");
        assertThat(choose("{'Variable':'$.f','StringMatches':'a\\\\*','Next':'Yes'}", "{'f':'ab'}")).isEqualTo("no");
    }

    @Test
    void timestampsCompareAcrossOffsetsAndRejectMissingZone() {
        assertThat(choose("{'Variable':'$.t','TimestampEquals':'2020-01-01T01:00:00+01:00','Next':'Yes'}",
                "{'t':'2020-01-01T00:00:00Z'}")).isEqualTo("yes");
        assertThat(choose("{'Variable':'$.t','IsTimestamp':true,'Next':'Yes'}", "{'t':'2020-01-01T00:00:00'}"))
                .isEqualTo("no");
    }

    @Test
    void noMatchWithoutDefaultFailsWithNoChoiceMatched() {
        ExecutionResult r = engines.run(q("{'StartAt':'C','States':{'C':{'Type':'Choice','Choices':[{'Variable':'$.a',"
                + "'IsPresent':true,'Next':'E'}]},'E':{'Type':'Succeed'}}}"), "{}");
        assertThat(r.error()).isEqualTo("States.NoChoiceMatched");
    }

    @Test
    void jsonataConditionWithBranchOutput() {
        ExecutionResult r = engines.run(q("{'QueryLanguage':'JSONata','StartAt':'C','States':{'C':{'Type':'Choice',"
                + "'Choices':[{'Condition':'{% $states.input.n > 2 %}','Output':{'big':true},'Next':'E'}],'Default':'E'},"
                + "'E':{'Type':'Succeed'}}}"), "{\"n\":3}");
        assertThat(r.output().path("big").asBoolean()).isTrue();
    }
}
