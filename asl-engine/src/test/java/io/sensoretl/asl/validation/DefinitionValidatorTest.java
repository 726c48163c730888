package io.sensoretl.asl.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class DefinitionValidatorTest {
    @Test
    void reportsEveryProblemTogetherWithJsonPointers() {
        List<Problem> problems = DefinitionValidator.validate(Json.parse("""
                {"StartAt":"A","States":{
                  "A":{"Type":"Pass","Bogus":1,"Next":"Nowhere"},
                  "B":{"Type":"Task","Resource":"arn:x","InputPath":"$.a[","End":true},
                  "C":{"Type":"Wait","End":true},
                  "D":{"Type":"Pass","QueryLanguage":"JSONata","Output":"{% (1 + %}","End":true},
                  "E":{"Type":"Task","Resource":"arn:x","End":true,
                       "Retry":[{"ErrorEquals":["States.Bogus"]}],
                       "Parameters":{"x.$":"States.Nope(1)"}}}}"""));
        assertThat(problems).extracting(Problem::pointer).contains(
                "/States/A/Bogus", "/States/A/Next", "/States/B/InputPath", "/States/C", "/States/D/Output",
                "/States/E/Retry/0/ErrorEquals/0", "/States/E/Parameters/x.$", "/States/B");
        assertThat(problems).anyMatch(p -> p.message().contains("unreachable"));
    }

    @Test
    void missingNextOrEndAndFieldsOfTheOtherLanguageAreReported() {
        List<Problem> problems = DefinitionValidator.validate(Json.parse("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","Arguments":{}}}}"""));
        assertThat(problems).extracting(Problem::message)
                .anyMatch(m -> m.contains("needs Next"))
                .anyMatch(m -> m.contains("Arguments is not allowed"));
    }

    @Test
    void aCatchMayNameAStatesErrorThatAFailStateOfTheDefinitionRaises() {
        List<Problem> problems = DefinitionValidator.validate(Json.parse("""
                {"StartAt":"P","States":{
                  "P":{"Type":"Parallel","End":true,
                       "Branches":[{"StartAt":"F","States":{"F":{"Type":"Fail","Error":"States.MyCustomError"}}}],
                       "Catch":[{"ErrorEquals":["States.MyCustomError"],"Next":"Done"}],
                       "Retry":[{"ErrorEquals":["States.Typo"]}]},
                  "Done":{"Type":"Succeed"}}}"""));
        assertThat(problems).extracting(Problem::pointer).containsExactly("/States/P/Retry/0/ErrorEquals/0");
        assertThat(problems.get(0).message()).contains("'States.Typo'").contains("Fail state");
    }

    @Test
    void pathsWithADotBeforeABracketAndRootPathsInFiltersAreValid() {
        assertThat(DefinitionValidator.validate(Json.parse("""
                {"StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.[0]","Parameters":{
                   "big.$":"$.[?(@.x > 0)]","over.$":"$.items[?(@.v > $.min)]"},"End":true}}}"""))).isEmpty();
    }

    @Test
    void loadRefusesInvalidDefinitions() {
        assertThatThrownBy(() -> AslEngine.load(Json.parse("{\"StartAt\":\"X\",\"States\":{}}")))
                .isInstanceOf(InvalidDefinitionException.class).hasMessageContaining("/States");
    }

    @Test
    void nestedBranchesAndProcessorsAreValidatedToo() {
        List<Problem> problems = DefinitionValidator.validate(Json.parse("""
                {"StartAt":"M","States":{"M":{"Type":"Map","End":true,"ItemProcessor":{"StartAt":"P",
                 "States":{"P":{"Type":"Pass","Nope":true,"End":true}}}}}}"""));
        assertThat(problems).extracting(Problem::pointer).containsExactly("/States/M/ItemProcessor/States/P/Nope");
    }

    @Test
    void pathsTheParserReadsAtLoadAreValidatedWhereTheyAre() {
        List<Problem> problems = DefinitionValidator.validate(Json.parse("""
                {"StartAt":"C","States":{
                  "C":{"Type":"Choice","Choices":[{"Variable":"$.a","NumericEqualsPath":"$.b[","Next":"M"}]},
                  "M":{"Type":"Map","End":true,"ItemReader":{"Resource":"arn:aws:states:::s3:getObject",
                       "ReaderConfig":{"MaxItemsPath":"$.x["}},"ItemBatcher":{"MaxItemsPerBatchPath":5},
                       "ItemProcessor":{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}}}}"""));
        assertThat(problems).extracting(Problem::pointer).containsExactlyInAnyOrder("/States/C/Choices/0/NumericEqualsPath",
                "/States/M/ItemReader/ReaderConfig/MaxItemsPath", "/States/M/ItemBatcher/MaxItemsPerBatchPath");
    }
}
