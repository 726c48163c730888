package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps executions on disk, one folder per execution name with describe.json, history.json and
 * map-runs.json, so they can be listed and inspected after the process ends. Each file is replaced
 * atomically (a process killed while saving leaves the previous version), and describe.json last, so a
 * reader never sees a status whose history is not saved yet.
 */
public final class ExecutionStore {
    private final Path root;

    public ExecutionStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public void save(ExecutionRecord record) {
        Path dir = root.resolve(safe(record.name()));
        try {
            Files.createDirectories(dir);
            com.fasterxml.jackson.databind.node.ArrayNode runs = Json.array();
            record.mapRuns().forEach(runs::add);
            replace(dir.resolve("map-runs.json"), Json.pretty(runs));
            replace(dir.resolve("history.json"), Json.pretty(record.historyJson()));
            replace(dir.resolve("describe.json"), Json.pretty(record.describe()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write execution record to " + dir, e);
        }
    }

    private static void replace(Path file, String content) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, content);
            try {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Finds an execution by name or by ARN (its last ':' part is the name). */
    public Optional<ExecutionRecord> find(String nameOrArn) {
        String name = nameOrArn.contains(":") ? nameOrArn.substring(nameOrArn.lastIndexOf(':') + 1) : nameOrArn;
        Path dir = root.resolve(safe(name));
        if (!Files.isRegularFile(dir.resolve("describe.json"))) {
            return Optional.empty();
        }
        try {
            JsonNode describe = Json.parse(Files.readString(dir.resolve("describe.json")));
            JsonNode history = Json.parse(Files.readString(dir.resolve("history.json")));
            Path runs = dir.resolve("map-runs.json");
            JsonNode mapRuns = Files.exists(runs) ? Json.parse(Files.readString(runs)) : null;
            return Optional.of(ExecutionRecord.fromJson(describe, history, mapRuns));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read execution record " + dir, e);
        }
    }

    public List<String> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            List<String> out = new ArrayList<>();
            dirs.filter(d -> Files.isRegularFile(d.resolve("describe.json")))
                    .sorted(Comparator.comparing(Path::getFileName))
                    .forEach(d -> out.add(d.getFileName().toString()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
