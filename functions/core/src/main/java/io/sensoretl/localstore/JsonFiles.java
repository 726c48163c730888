package io.sensoretl.localstore;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * JSON state files for the local stand-ins of the AWS stores. A read-modify-write runs under a lock
 * that excludes both other threads (a JVM lock) and other processes (an OS file lock), and the new
 * content replaces the old with an atomic rename, so a crash leaves either the old or the new file:
 * together that gives the conditional-write semantics DynamoDB and Glue give on AWS.
 */
public final class JsonFiles {
    private static final ConcurrentHashMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    public static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private JsonFiles() {}

    /** The file's content, or {@code fallback} when it does not exist yet. */
    public static <T> T read(Path file, JavaType type, Supplier<T> fallback) {
        if (!Files.exists(file)) {
            return fallback.get();
        }
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read local store file " + file + ": " + e.getMessage(), e);
        }
    }

    public static void writeAtomically(Path file, Object value) {
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
            try {
                JSON.writeValue(temp.toFile(), value);
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write local store file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Runs {@code action} holding the store's lock (one per directory + name). */
    public static <T> T locked(Path lockFile, Supplier<T> action) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(key, k -> new ReentrantLock());
        jvmLock.lock();
        try {
            Files.createDirectories(key.getParent());
            try (FileChannel channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
                FileLock fileLock = channel.lock();
                try {
                    return action.get();
                } finally {
                    fileLock.release();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock local store " + key + ": " + e.getMessage(), e);
        } finally {
            jvmLock.unlock();
        }
    }
}
