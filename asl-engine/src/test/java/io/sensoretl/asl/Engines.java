package io.sensoretl.asl;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.time.VirtualTimeSource;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/** Test helper: an engine on virtual time and a fixed seed, and one-line execution of JSON text. */
public final class Engines {
    public static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    public final VirtualTimeSource time = new VirtualTimeSource(START);
    public final AslEngine engine;

    public Engines() {
        this(AslEngine.builder());
    }

    public Engines(AslEngine.Builder builder) {
        this(builder, new SplittableRandom(42));
    }

    public Engines(AslEngine.Builder builder, RandomGenerator random) {
        engine = builder.time(time).random(random).build();
    }

    public ExecutionResult run(String definition, String input) {
        return engine.execute(AslEngine.load(Json.parse(definition)), request(input));
    }

    /** Starts the execution {@link #run} would run, in the background (StartExecution). */
    public io.sensoretl.asl.engine.Execution start(String definition, String input) {
        return engine.start(AslEngine.load(Json.parse(definition)), request(input));
    }

    private static ExecutionRequest request(String input) {
        return new ExecutionRequest(Json.parse(input), "exec-1", "machine-1", "eu-west-1", "111122223333", null, null);
    }

    public static JsonNode json(String text) {
        return Json.parse(text);
    }

    /** JSON equality by value: 1 and 1.0 and int/long nodes are the same number. */
    public static void assertJson(JsonNode actual, JsonNode expected) {
        if (!io.sensoretl.asl.json.JsonEquivalence.equivalent(actual, expected)) {
            throw new AssertionError("expected " + Json.write(expected) + " but was " + Json.write(actual));
        }
    }

    /** Single quotes for readability in Java strings. */
    public static String q(String text) {
        return text.replace('\'', '"');
    }
}
