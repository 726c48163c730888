package io.sensoretl.asl.path;

import static io.sensoretl.asl.Engines.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import org.junit.jupiter.api.Test;

class JsonPathTest {
    private final JsonNode doc = Json.parse("{\"a\":{\"b\":[{\"c\":1},{\"c\":2},{\"c\":3}]},\"odd key\":true}");

    @Test
    void definitePathsSelectOneNode() {
        assertThat(JsonPath.parse("$.a.b[1].c").evaluate(doc).asInt()).isEqualTo(2);
        assertThat(JsonPath.parse("$['odd key']").evaluate(doc).asBoolean()).isTrue();
        assertThat(JsonPath.parse("$.a.b[-1].c").evaluate(doc).asInt()).isEqualTo(3);
    }

    @Test
    void wildcardsSlicesAndDeepScanAlwaysYieldArrays() {
        assertJson(JsonPath.parse("$.a.b[*].c").evaluate(doc), Json.parse("[1,2,3]"));
        assertJson(JsonPath.parse("$.a.b[1:].c").evaluate(doc), Json.parse("[2,3]"));
        assertJson(JsonPath.parse("$..c").evaluate(doc), Json.parse("[1,2,3]"));
        assertJson(JsonPath.parse("$.missing[*]").evaluate(doc), Json.parse("[]"));
    }

    @Test
    void filtersSelectMatchingArrayElements() {
        assertJson(JsonPath.parse("$.a.b[?(@.c > 1)].c").evaluate(doc), Json.parse("[2,3]"));
        assertJson(JsonPath.parse("$.a.b[?(@.c == 1 || @.c == 3)]").evaluate(doc), Json.parse("[{\"c\":1},{\"c\":3}]"));
        assertJson(JsonPath.parse("$.a.b[?(@.d)]").evaluate(doc), Json.parse("[]"));
        assertJson(JsonPath.parse("$.list[?(@.k == 'x')].v").evaluate(Json.parse(
                "{\"list\":[{\"k\":\"x\",\"v\":1},{\"k\":\"y\",\"v\":2}]}")), Json.parse("[1]"));
    }

    @Test
    void aDotBeforeABracketIsReadAsNothingAsAwsDoes() {
        JsonNode list = Json.parse("[{\"x\":1},{\"x\":-1},{\"x\":5}]");
        assertJson(JsonPath.parse("$.[0]").evaluate(list), Json.parse("{\"x\":1}"));
        assertThat(JsonPath.parse("$.[0]").isDefinite()).isTrue();
        assertJson(JsonPath.parse("$.[?(@.x > 0)]").evaluate(list), Json.parse("[{\"x\":1},{\"x\":5}]"));
        assertJson(JsonPath.parse("$.a.[1].c").evaluate(Json.parse("{\"a\":[{\"c\":0},{\"c\":7}]}")), Json.parse("7"));
    }

    @Test
    void aFilterComparesWithAPathFromTheDocumentRoot() {
        JsonNode input = Json.parse("{\"min\":2,\"items\":[{\"v\":1},{\"v\":2},{\"v\":3}],\"limits\":{\"max\":3}}");
        assertJson(JsonPath.parse("$.items[?(@.v >= $.min)].v").evaluate(input), Json.parse("[2,3]"));
        assertJson(JsonPath.parse("$.items[?(@.v < $.limits.max && @.v != $.min)]").evaluate(input),
                Json.parse("[{\"v\":1}]"));
        assertJson(JsonPath.parse("$.items[?(@.v == $.absent)]").evaluate(input), Json.parse("[]"));
        assertThatThrownBy(() -> JsonPath.parse("$.items[?(@.v == $$.Execution.Id)]")).hasMessageContaining("'$$'");
    }

    @Test
    void unionsAndTrailingFunctions() {
        assertJson(JsonPath.parse("$.a.b[0,2].c").evaluate(doc), Json.parse("[1,3]"));
        assertThat(JsonPath.parse("$.a.b.length()").evaluate(doc).asInt()).isEqualTo(3);
        assertThat(JsonPath.parse("$.a.b[*].c.max()").evaluate(doc).asInt()).isEqualTo(3);
        assertThat(JsonPath.parse("$.a.b[*].c.avg()").evaluate(doc).asDouble()).isEqualTo(2.0);
    }

    @Test
    void missingStepsAreNamedLikeAwsMessages() {
        assertThatThrownBy(() -> JsonPath.parse("$.x").evaluate(doc)).hasMessage("No results for path: $['x']");
        assertThatThrownBy(() -> JsonPath.parse("$.x.y").evaluate(doc)).hasMessage("Missing property in path $['x']");
    }

    @Test
    void rootsAreInputContextOrVariable() {
        assertThat(JsonPath.parse("$$.Execution.Id").root()).isEqualTo(JsonPath.Root.CONTEXT);
        JsonPath v = JsonPath.parse("$myVar.field");
        assertThat(v.root()).isEqualTo(JsonPath.Root.VARIABLE);
        assertThat(v.variable()).isEqualTo("myVar");
    }

    @Test
    void malformedPathsAreRejectedWithPosition() {
        assertThatThrownBy(() -> JsonPath.parse("$.a[")).hasMessageContaining("'$.a['");
        assertThatThrownBy(() -> JsonPath.parse("a.b")).hasMessageContaining("must start with '$'");
    }
}
