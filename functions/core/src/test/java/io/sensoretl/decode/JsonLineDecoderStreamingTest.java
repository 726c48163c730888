package io.sensoretl.decode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import io.sensoretl.contract.FieldRef;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Streaming a record through a field plan must be indistinguishable from reading it as a tree. */
class JsonLineDecoderStreamingTest {
    private static final List<String> POINTERS = List.of("/device/id", "/time", "/value", "/unit", "/loc/lat",
            "/loc/lon", "/tags/0", "/a b", "/esc~1aped", "/deep/x/y/z");

    private static final List<String> CORPUS = List.of(
            "{\"device\":{\"id\":\"s-1\",\"fw\":\"1.2\"},\"time\":\"2024-03-01T00:00:00Z\",\"value\":21.5,\"unit\":\"degC\"}",
            "{\"device\":{\"id\":42},\"value\":\"17\",\"loc\":{\"lat\":1e2,\"lon\":-0.5},\"tags\":[\"x\",\"y\"]}",
            "{\"value\":NaN,\"unit\":null,\"device\":{\"id\":null}}",
            "{\"value\":-Infinity}",
            "{\"value\":12345678901234567890123,\"time\":1709251200}",
            "{\"value\":{\"nested\":true},\"unit\":[1,2]}",
            "{\"device\":\"flat\",\"loc\":[1,2],\"tags\":{\"0\":\"obj\"}}",
            "{\"skipped\":{\"a\":1,\"a\":2},\"value\":1}",
            "{\"value\":1,\"value\":2}",
            "{\"device\":{\"id\":\"a\",\"id\":\"b\"}}",
            "{\"value\":1} trailing",
            "{\"value\":1}{\"value\":2}",
            "[1,2,3]",
            "\"just a string\"",
            "42",
            "null",
            "{\"value\":tru}",
            "{\"value\":1,",
            "{\"a b\":\"space\",\"esc/aped\":\"slash\",\"deep\":{\"x\":{\"y\":{\"z\":7}}}}",
            "{\"deep\":{\"x\":[{\"y\":1}]},\"tags\":[[\"inner\"],\"second\"]}",
            "{}");

    @Test
    void streamingMatchesTreeReadOnHandPickedRecords() {
        for (String line : CORPUS) {
            assertSameOutcome(line.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void streamingMatchesTreeReadOnInvalidUtf8() {
        byte[] bad = "{\"device\":{\"id\":\"s-XX\"},\"value\":1}".getBytes(StandardCharsets.UTF_8);
        bad[18] = (byte) 0xC3;
        bad[19] = (byte) 0x28;
        assertSameOutcome(bad);
        byte[] inSkipped = "{\"other\":\"XX\",\"value\":1}".getBytes(StandardCharsets.UTF_8);
        inSkipped[10] = (byte) 0xFF;
        assertSameOutcome(inSkipped);
    }

    @Test
    void streamingMatchesTreeReadOnRandomRecords() {
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            assertSameOutcome(randomObject(random, 0).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void planWithNestedPointersFallsBackToTreeReads() {
        JsonFieldPlan plan = JsonFieldPlan.of(List.of(JsonPointer.compile("/a"), JsonPointer.compile("/a/b")));
        assertThat(plan.streamable()).isFalse();
        assertThat(JsonFieldPlan.of(List.of(JsonPointer.compile("/a/b"), JsonPointer.compile("/a"))).streamable()).isFalse();
        assertThat(JsonFieldPlan.of(List.of(JsonPointer.compile("/a/b"), JsonPointer.compile("/a/c"))).streamable()).isTrue();
    }

    private static void assertSameOutcome(byte[] line) {
        JsonFieldPlan plan = JsonFieldPlan.of(POINTERS.stream().map(JsonPointer::compile).toList());
        String tree = outcome(new JsonLineDecoder(), line);
        String streamed = outcome(new JsonLineDecoder(plan), line);
        assertThat(streamed).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(tree);
    }

    /** Every field read as string and as number, or the record-level error. */
    private static String outcome(JsonLineDecoder decoder, byte[] line) {
        RecordView view;
        try {
            view = decoder.decode(line, line.length);
        } catch (FieldError e) {
            return "error " + e.reason() + ": " + e.getMessage();
        }
        StringBuilder out = new StringBuilder();
        for (String p : POINTERS) {
            FieldRef ref = new FieldRef.Pointer(JsonPointer.compile(p));
            out.append(p).append(" string=").append(read(() -> view.string(ref)));
            out.append(" number=").append(read(() -> view.number(ref))).append('\n');
        }
        return out.toString();
    }

    private interface Read {
        Object get() throws FieldError;
    }

    private static String read(Read read) {
        try {
            return Objects.toString(read.get());
        } catch (FieldError e) {
            return e.reason() + ": " + e.getMessage();
        }
    }

    private static final String[] NAMES = {"device", "id", "time", "value", "unit", "loc", "lat", "lon", "tags", "0",
        "1", "a b", "esc/aped", "deep", "x", "y", "z", "other"};

    private static String randomObject(Random r, int depth) {
        List<String> fields = new ArrayList<>();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            String name = NAMES[r.nextInt(NAMES.length)].replace("\\", "\\\\");
            fields.add("\"" + name + "\":" + randomValue(r, depth + 1));
        }
        return "{" + String.join(",", fields) + "}";
    }

    private static String randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 3 ? 6 : 8);
        return switch (kind) {
            case 0 -> "\"" + (r.nextBoolean() ? "s-" + r.nextInt(100) : "") + "\"";
            case 1 -> Integer.toString(r.nextInt(2000) - 1000);
            case 2 -> Double.toString(r.nextGaussian() * 100);
            case 3 -> r.nextBoolean() ? "true" : "false";
            case 4 -> "null";
            case 5 -> r.nextBoolean() ? "NaN" : Long.toString(r.nextLong());
            case 6 -> randomObject(r, depth);
            default -> {
                List<String> items = new ArrayList<>();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    items.add(randomValue(r, depth + 1));
                }
                yield "[" + String.join(",", items) + "]";
            }
        };
    }
}
