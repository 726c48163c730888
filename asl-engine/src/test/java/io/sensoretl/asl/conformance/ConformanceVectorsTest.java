package io.sensoretl.asl.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sensoretl.asl.InMemoryObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every recorded AWS vector in ../shared/conformance/asl as one dynamic test. Vectors listed
 * in known-failures.txt (each with its reason) are expected to fail; a listed vector that starts
 * passing is reported so the list can shrink, and any unlisted failure fails the build.
 */
class ConformanceVectorsTest {
    private static InMemoryObjectStore s3;
    private static ExecutorService executor;

    @BeforeAll
    static void start() {
        s3 = new InMemoryObjectStore();
        executor = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        executor.shutdownNow();
    }

    static Path vectorFolder() {
        String root = System.getProperty("sensoretl.repo.root");
        return root == null ? null : Path.of(root).resolve("../shared/conformance/asl").normalize();
    }

    @TestFactory
    Stream<DynamicTest> recordedAwsExecutions() throws IOException {
        Path folder = vectorFolder();
        assumeTrue(folder != null && Files.isDirectory(folder),
                "conformance vectors not found at " + folder + " (set -Dsensoretl.repo.root); skipping");
        Map<String, String> known = knownFailures();
        VectorRunner runner = new VectorRunner(s3, executor);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : ConformanceVector.files(folder)) {
            ConformanceVector v = ConformanceVector.read(file);
            tests.add(DynamicTest.dynamicTest(v.name(), () -> {
                VectorOutcome o = runner.run(v);
                if (known.containsKey(v.name())) {
                    if (o.passed()) {
                        System.out.println("now passing, remove from known-failures.txt: " + v.name());
                    }
                    assumeTrue(o.passed(), "known failure: " + known.get(v.name()));
                    return;
                }
                assertTrue(o.passed(), () -> v.name() + " differs from AWS:\n  " + String.join("\n  ", o.mismatches())
                        + "\n  got: " + o.got());
            }));
        }
        return tests.stream();
    }

    /** Lines "vector-name<TAB>reason"; '#' starts a comment. */
    static Map<String, String> knownFailures() throws IOException {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = ConformanceVectorsTest.class.getResourceAsStream("/known-failures.txt")) {
            if (in == null) {
                return out;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String l = line.strip();
                if (l.isEmpty() || l.startsWith("#")) {
                    continue;
                }
                String[] parts = l.split("\t", 2);
                out.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
            }
        }
        return out;
    }
}
