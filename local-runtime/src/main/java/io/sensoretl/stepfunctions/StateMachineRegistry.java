package io.sensoretl.stepfunctions;

import io.sensoretl.asl.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The state machines of a data dir, one JSON file per name under {@code state-machines/}; survives restarts. */
final class StateMachineRegistry {
    private final Path root;

    StateMachineRegistry(Path root) {
        this.root = root;
    }

    synchronized Optional<StoredStateMachine> find(String name) {
        Path file = file(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(StoredStateMachine.fromJson(Json.parse(Files.readString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read state machine " + file, e);
        }
    }

    synchronized void save(StoredStateMachine machine) {
        Path file = file(machine.name());
        try {
            Files.createDirectories(root);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.pretty(machine.toJson()));
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write state machine " + file, e);
        }
    }

    synchronized boolean delete(String name) {
        try {
            return Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete state machine " + file(name), e);
        }
    }

    /** All, oldest first (creation date, then name). */
    synchronized List<StoredStateMachine> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<StoredStateMachine> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(root)) {
            for (Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                out.add(StoredStateMachine.fromJson(Json.parse(Files.readString(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list state machines in " + root, e);
        }
        out.sort(Comparator.comparing(StoredStateMachine::creationDate).thenComparing(StoredStateMachine::name));
        return out;
    }

    private Path file(String name) {
        // names are checked at creation ([A-Za-z0-9_-], 1-80): safe as file names
        return root.resolve(name + ".json");
    }
}
