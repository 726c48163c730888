package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One recorded execution: definition, input, environment (context, Lambda behaviours, S3) and AWS's outcome. */
public record ConformanceVector(String name, JsonNode definition, JsonNode input, JsonNode expected,
                                List<String> features, JsonNode context, JsonNode lambdas, JsonNode s3Objects,
                                List<String> s3Buckets, List<String> placeholderPaths) {

    public static ConformanceVector read(Path file) {
        JsonNode d;
        try {
            d = Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = d.path("name").asText(file.getFileName().toString().replaceFirst("\\.json$", ""));
        List<String> buckets = strings(d.path("s3Buckets"));
        return new ConformanceVector(name, d.get("definition"), d.get("input"), d.get("expected"),
                strings(d.path("features")), d.path("context"), d.path("lambda"), d.path("s3"), buckets,
                strings(d.path("placeholderPaths")));
    }

    /** Every *.json in a folder except non-vector files, sorted by name. */
    public static List<Path> files(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean usesS3() {
        return s3Objects.size() > 0 || !s3Buckets.isEmpty();
    }

    private static List<String> strings(JsonNode arr) {
        List<String> out = new ArrayList<>();
        arr.forEach(n -> out.add(n.asText()));
        return out;
    }
}
