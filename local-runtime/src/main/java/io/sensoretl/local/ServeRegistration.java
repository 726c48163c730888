package io.sensoretl.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sensoretl.cli.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;

/**
 * How the other commands find the {@code serve} that owns a data dir: while it runs, serve holds a lock
 * on {@code <data-dir>/serve.lock} (the operating system releases it when the process ends, however it
 * ends) and publishes its endpoints in {@code <data-dir>/serve.json}. A command that finds the file
 * checks that the process is alive (same pid and start time) and its endpoints accept connections,
 * then talks to them; otherwise the file is stale and it starts the local services itself.
 */
public final class ServeRegistration implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final int CONNECT_TIMEOUT_MS = 2_000;

    /** The published endpoints of a running serve ({@code processStart}: ISO-8601, to tell a reused pid apart). */
    public record Endpoints(@JsonProperty("pid") long pid, @JsonProperty("processStart") String processStart,
                            @JsonProperty("s3Endpoint") String s3Endpoint, @JsonProperty("sqsEndpoint") String sqsEndpoint,
                            @JsonProperty("deadLetterQueueUrl") String deadLetterQueueUrl) {

        public URI s3() {
            return URI.create(s3Endpoint);
        }

        public URI sqs() {
            return URI.create(sqsEndpoint);
        }

        public String describe() {
            return "pid " + pid + ", S3 " + s3Endpoint + ", SQS " + sqsEndpoint;
        }
    }

    private final Path file;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private boolean published;

    private ServeRegistration(Path file, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static Path file(DataDir dataDir) {
        return dataDir.root().resolve("serve.json");
    }

    /** The endpoints of the serve running on this data dir, if one runs and answers. */
    public static Optional<Endpoints> live(DataDir dataDir) {
        Path file = file(dataDir);
        Endpoints e;
        try {
            e = JSON.readValue(file.toFile(), Endpoints.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException missing) {
            return Optional.empty();
        } catch (IOException unreadable) {
            // being replaced, or truncated by a crash: not a serve to talk to
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(e.pid()).filter(ProcessHandle::isAlive);
        if (process.isEmpty() || !sameStart(process.get(), e.processStart())) {
            deleteQuietly(file);
            return Optional.empty();
        }
        return accepts(e.s3()) && accepts(e.sqs()) ? Optional.of(e) : Optional.empty();
    }

    /**
     * Claims the data dir for a serve: fails with the running serve's endpoints if there is one.
     * Close to release it (the OS releases it too if the process dies).
     */
    static ServeRegistration claim(DataDir dataDir) {
        Path lockFile = dataDir.root().resolve("serve.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir.root());
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                String running = live(dataDir).map(Endpoints::describe).orElse("its endpoints are not published yet");
                throw new UserError("another serve is already running on the data dir " + dataDir.root() + " (" + running
                        + "); use that one (run, dlq and the AWS CLI talk to it) or stop it first");
            }
            return new ServeRegistration(file(dataDir), channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + lockFile, e);
        }
    }

    /** Publishes this process's endpoints for the other commands. */
    void publish(URI s3, URI sqs, String deadLetterQueueUrl) {
        ProcessHandle self = ProcessHandle.current();
        Endpoints e = new Endpoints(self.pid(), self.info().startInstant().map(Instant::toString).orElse(null),
                s3.toString(), sqs.toString(), deadLetterQueueUrl);
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), e);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            published = true;
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot publish the endpoints of serve in " + file + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public synchronized void close() {
        if (published) {
            deleteQuietly(file);
            published = false;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } catch (IOException e) {
            // released when the channel closes
        } finally {
            closeQuietly(lockChannel);
        }
    }

    private static boolean sameStart(ProcessHandle process, String recorded) {
        Optional<Instant> start = process.info().startInstant();
        // pids are reused: a live process with another start time is not the serve that wrote the file
        return recorded == null || start.isEmpty() || start.get().toString().equals(recorded);
    }

    private static boolean accepts(URI endpoint) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(endpoint.getHost(), endpoint.getPort()), CONNECT_TIMEOUT_MS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale file is ignored anyway
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing to add
            }
        }
    }
}
