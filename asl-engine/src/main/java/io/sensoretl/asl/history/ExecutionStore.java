package io.sensoretl.asl.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Keeps executions on disk, one folder per execution name with describe.json, history.json, map-runs.json and
 * checkpoint.json, so they can be listed, inspected and redriven after the process ends. A running execution is
 * saved as it goes; each file is replaced whole (written aside, then moved), so a reader in another process never
 * sees half a file.
 */
public final class ExecutionStore {
    private final Path root;

    public ExecutionStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** The folder of an execution (by name or ARN), whether or not it exists yet. */
    public Path directory(String nameOrArn) {
        return root.resolve(safe(nameOf(nameOrArn)));
    }

    /**
     * The records of the Map Run child executions an execution started (STANDARD children keep their own description
     * and history, as on AWS), in its folder: they go with it.
     */
    public ExecutionStore children(String parentNameOrArn) {
        return new ExecutionStore(directory(parentNameOrArn).resolve("children"));
    }

    public void save(ExecutionRecord record) {
        Path dir = directory(record.name());
        try {
            Files.createDirectories(dir);
            ObjectNode describe = record.describe();
            describe.put("type", record.type());
            if (record.owner() != null) {
                describe.put("owner", record.owner());
            }
            if (record.checkpoint() != null) {
                write(dir.resolve("checkpoint.json"), Json.write(record.checkpoint()));
            }
            ArrayNode runs = Json.array();
            record.mapRuns().forEach(runs::add);
            write(dir.resolve("map-runs.json"), Json.pretty(runs));
            write(dir.resolve("history.json"), Json.pretty(record.historyJson()));
            // last: a reader that sees the new status also sees the history that led to it
            write(dir.resolve("describe.json"), Json.pretty(describe));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write execution record to " + dir, e);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp-" + Thread.currentThread().getId());
        Files.writeString(tmp, text);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Finds an execution by name or by ARN (its name is the ARN's last part). */
    public Optional<ExecutionRecord> find(String nameOrArn) {
        Path dir = directory(nameOrArn);
        if (!Files.isRegularFile(dir.resolve("describe.json"))) {
            return Optional.empty();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                JsonNode describe = Json.parse(Files.readString(dir.resolve("describe.json")));
                JsonNode history = Json.parse(Files.readString(dir.resolve("history.json")));
                Path runs = dir.resolve("map-runs.json");
                JsonNode mapRuns = Files.exists(runs) ? Json.parse(Files.readString(runs)) : null;
                Path checkpoint = dir.resolve("checkpoint.json");
                JsonNode progress = Files.exists(checkpoint) ? Json.parse(Files.readString(checkpoint)) : null;
                return Optional.of(ExecutionRecord.fromJson(describe, history, mapRuns, progress));
            } catch (NoSuchFileException e) {
                if (attempt >= 3) {
                    throw new UncheckedIOException("cannot read execution record " + dir, e);
                }
                // written by another process right now: its files are replaced one by one
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read execution record " + dir, e);
            }
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

    /**
     * RUNNING records whose process is gone (it crashed or was killed): nothing will end them, so their owner's
     * successor records them {@link ExecutionRecord#aborted ABORTED} and they can be redriven.
     */
    public List<ExecutionRecord> orphaned() {
        List<ExecutionRecord> out = new ArrayList<>();
        for (String name : list()) {
            find(name).filter(r -> r.running() && !r.ownerAlive()).ifPresent(out::add);
        }
        return out;
    }

    private static String nameOf(String nameOrArn) {
        if (!nameOrArn.startsWith("arn:")) {
            return nameOrArn;
        }
        String[] parts = nameOrArn.split(":");
        // arn:partition:states:region:account:execution:machine:name
        return parts.length >= 8 ? parts[7] : parts[parts.length - 1];
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
