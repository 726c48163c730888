package io.sensoretl.asl.intrinsics;

import static io.sensoretl.asl.Engines.assertJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IntrinsicFunctionsTest {
    private final IntrinsicFunctions functions = new IntrinsicFunctions(new SplittableRandom(1));
    private final JsonNode data = Json.parse("{\"s\":\"a,b,,c\",\"arr\":[1,2,2,3],\"o\":{\"k\":1},\"n\":1.5}");

    private JsonNode eval(String call) {
        return new IntrinsicEvaluator(p -> p.evaluate(data), functions).evaluate(IntrinsicParser.parse(call));
    }

    @Test
    void formatSubstitutesInOrderAndHonoursEscapedBraces() {
        assertThat(eval("States.Format('{} and \\{\\} {}', $.n, 'x')").asText()).isEqualTo("1.5 and {} x");
    }

    @Test
    void formatPrintsObjectsTheWayAwsDoes() {
        assertThat(eval("States.Format('{}', $.o)").asText()).isEqualTo("{k=1}");
    }

    @Test
    void stringSplitDropsEmptyTokensAndSplitsOnEachDelimiterCharacter() {
        assertJson(eval("States.StringSplit($.s, ',')"), Json.parse("[\"a\",\"b\",\"c\"]"));
    }

    @Test
    void arrayFunctions() {
        assertJson(eval("States.ArrayPartition($.arr, 3)"), Json.parse("[[1,2,2],[3]]"));
        assertThat(eval("States.ArrayContains($.arr, 3)").asBoolean()).isTrue();
        assertJson(eval("States.ArrayRange(1, 9, 4)"), Json.parse("[1,5,9]"));
        assertThat(eval("States.ArrayGetItem($.arr, 3)").asInt()).isEqualTo(3);
        assertThat(eval("States.ArrayLength($.arr)").asInt()).isEqualTo(4);
        assertJson(eval("States.ArrayUnique($.arr)"), Json.parse("[1,2,3]"));
        assertJson(eval("States.Array($.n, 'x', States.Array())"), Json.parse("[1.5,\"x\",[]]"));
    }

    @Test
    void arrayRangeRefusesMoreThanAThousandItems() {
        assertThatThrownBy(() -> eval("States.ArrayRange(0, 5000, 1)")).isInstanceOf(IntrinsicFailure.class)
                .hasMessageContaining("States.ArrayRange");
    }

    @Test
    void jsonAndEncodingFunctions() {
        assertThat(eval("States.JsonToString($.o)").asText()).isEqualTo("{\"k\":1}");
        assertJson(eval("States.StringToJson('{\"a\":[1]}')"), Json.parse("{\"a\":[1]}"));
        assertJson(eval("States.JsonMerge($.o, States.StringToJson('{\"j\":2}'), false)"), Json.parse("{\"k\":1,\"j\":2}"));
        assertThat(eval("States.Base64Encode('hi')").asText()).isEqualTo("aGk=");
        assertThat(eval("States.Base64Decode('aGk=')").asText()).isEqualTo("hi");
        assertThat(eval("States.Hash('input data', 'SHA-1')").asText()).isEqualTo("aaff4a450a104cd177d28d18d74485e8cae074b7");
    }

    @Test
    void mathAddRoundsEachOperandHalfUp() {
        assertThat(eval("States.MathAdd(1.5, -2.5)").asLong()).isEqualTo(0);
        assertThat(eval("States.MathAdd($.n, 1)").asLong()).isEqualTo(3);
    }

    @Test
    void mathRandomStaysInRangeAndIsReproducibleWithASeed() {
        assertThat(eval("States.MathRandom(1, 10, 7)").asLong()).isEqualTo(1 + new Random(7).nextLong(10));
        java.util.Set<Long> draws = new java.util.HashSet<>();
        for (int seed = 0; seed < 20; seed++) {
            long v = eval("States.MathRandom(1, 10, " + seed + ")").asLong();
            assertThat(v).isBetween(1L, 10L);
            draws.add(v);
        }
        assertThat(draws).as("different seeds, different values").hasSizeGreaterThan(1);
        assertThat(eval("States.UUID()").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    }

    @Test
    void unknownFunctionsAndWrongArityAreRejectedAtParseTime() {
        assertThatThrownBy(() -> IntrinsicParser.parse("States.Nope(1)")).hasMessageContaining("States.Nope");
        assertThatThrownBy(() -> IntrinsicParser.parse("States.MathAdd(1)")).hasMessageContaining("takes 2");
    }
}
