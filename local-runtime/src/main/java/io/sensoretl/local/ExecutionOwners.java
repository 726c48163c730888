package io.sensoretl.local;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.ledger.ExecutionLiveness;
import io.sensoretl.ledger.Liveness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which process runs which execution of the local workflow, so that a run whose process is gone is
 * taken over at once instead of blocking its upload until the ledger's stale period.
 *
 * <p>The process running an execution holds an exclusive OS lock on
 * {@code <data>/executions/.owners/<name>.lock} from before the execution starts until after it is
 * saved ended; the file names the process (pid, host, start time) for people. The OS releases the lock
 * when the process ends however it ends ({@code kill -9} included), so "the file is there and its lock
 * can be taken" means exactly "its process is gone", with no pid reuse to fool it. The file appears
 * under its name only once locked (written aside, then renamed), so a reader never takes the lock of an
 * owner that is still starting.
 *
 * <p>Asked about an execution ({@link #check}), the answer is ENDED when its record says it ended or its
 * process is gone, RUNNING while its owner holds the lock. A record left RUNNING by a process that is gone
 * is closed as ABORTED ({@link #settle}), as Step Functions shows a stopped execution.
 */
public final class ExecutionOwners implements ExecutionLiveness {
    /** The error of an execution whose process ended without finishing it (killed, crashed, machine off). */
    public static final String PROCESS_GONE = "SensorEtl.ProcessGone";

    /** This JVM's claims, by lock file: never opened again here, since closing any descriptor of a file drops its lock. */
    private static final Map<Path, Claim> HELD = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final ExecutionStore store;
    private final Clock clock;

    public ExecutionOwners(DataDir dataDir, Clock clock) {
        this(dataDir.executions().resolve(".owners"), new ExecutionStore(dataDir.executions()), clock);
    }

    ExecutionOwners(Path dir, ExecutionStore store, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.store = store;
        this.clock = clock;
    }

    /** Who runs an execution: written in its lock file. */
    public record Owner(@JsonProperty("executionArn") String executionArn, @JsonProperty("pid") long pid,
                        @JsonProperty("host") String host, @JsonProperty("processStart") String processStart) {
        static Owner self(String executionArn) {
            ProcessHandle me = ProcessHandle.current();
            return new Owner(executionArn, me.pid(), hostName(),
                    me.info().startInstant().map(Instant::toString).orElse(null));
        }

        public String describe() {
            return "pid " + pid + " on host " + host + (processStart == null ? "" : ", started " + processStart);
        }
    }

    /** This process runs {@code executionArn} until the claim is closed (after the execution is saved ended). */
    public Claim claim(String executionArn) {
        Path file = file(executionArn);
        Owner owner = Owner.self(executionArn);
        try {
            Files.createDirectories(dir);
            Path aside = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
            FileChannel channel = FileChannel.open(aside, StandardOpenOption.READ, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.lock();
                channel.write(ByteBuffer.wrap(JSON.writeValueAsBytes(owner)));
                channel.force(true);
                try {
                    Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
                }
                Claim claim = new Claim(file, channel, lock, owner);
                HELD.put(file, claim);
                return claim;
            } catch (IOException | RuntimeException e) {
                channel.close();
                Files.deleteIfExists(aside);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record this process as the owner of " + executionArn + " in " + dir, e);
        }
    }

    @Override
    public Liveness check(String executionArn) {
        Path file = file(executionArn);
        Claim mine = HELD.get(file);
        if (mine != null) {
            return Liveness.running("in this process (" + mine.owner().describe() + ")");
        }
        Optional<Liveness> ended = endedRecord(executionArn);
        if (ended.isPresent()) {
            return ended.get();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            Owner owner = read(channel, executionArn);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException heldHere) {
                return Liveness.running("in this process");
            }
            if (lock == null) {
                return Liveness.running(owner.describe());
            }
            lock.release();
            return Liveness.ended("its process (" + owner.describe() + ") is gone");
        } catch (NoSuchFileException noOwner) {
            // its owner finished meanwhile (the record says so now), or no process ever owned it here
            return endedRecord(executionArn).orElseGet(() -> Liveness.ended(store.find(executionArn).isPresent()
                    ? "no process owns it (no " + file + ")" : "no execution " + executionArn + " in " + store.root()));
        } catch (IOException e) {
            return Liveness.unknown("cannot read " + file + ": " + e.getMessage());
        }
    }

    /**
     * The record as it stands: a RUNNING execution of the workflow whose process is gone is saved ABORTED
     * first (with {@link #PROCESS_GONE} and who its process was). Other records are returned unchanged.
     */
    public ExecutionRecord settle(ExecutionRecord record) {
        if (!"RUNNING".equals(record.status())
                || !record.stateMachineArn().endsWith(":stateMachine:" + WorkflowDefinition.STATE_MACHINE_NAME)) {
            return record;
        }
        Liveness now = check(record.executionArn());
        if (!now.ended()) {
            return record;
        }
        Optional<ExecutionRecord> again = store.find(record.executionArn());
        if (again.isPresent() && !"RUNNING".equals(again.get().status())) {
            return again.get();
        }
        ExecutionRecord aborted = record.aborted(clock.instant(), PROCESS_GONE,
                "the execution ended without finishing: " + now.detail());
        store.save(aborted);
        return aborted;
    }

    private Optional<Liveness> endedRecord(String executionArn) {
        return store.find(executionArn).filter(r -> !"RUNNING".equals(r.status()))
                .map(r -> Liveness.ended(r.status() + (r.stopDate() == null ? "" : " at " + r.stopDate())));
    }

    private Owner read(FileChannel channel, String executionArn) throws IOException {
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(channel.size(), 64 * 1024));
        while (b.hasRemaining() && channel.read(b, b.position()) > 0) {
            // read it all
        }
        try {
            return JSON.readValue(b.array(), 0, b.position(), Owner.class);
        } catch (IOException unreadable) {
            return new Owner(executionArn, -1, "unknown", null);
        }
    }

    private Path file(String executionArn) {
        String name = executionArn.substring(executionArn.lastIndexOf(':') + 1);
        return dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".lock");
    }

    /**
     * The machine's name, for people reading who owns an execution. Linux's kernel name comes first: the JDK's
     * host name goes through the resolver, which on a machine whose name no resolver knows and whose DNS server
     * does not answer waits seconds on every claim.
     */
    static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env;
        }
        try {
            String kernel = Files.readString(KERNEL_HOST_NAME).strip();
            if (!kernel.isEmpty()) {
                return kernel;
            }
        } catch (IOException | RuntimeException notLinux) {
            // another OS: ask the JDK
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    static final Path KERNEL_HOST_NAME = Path.of("/proc/sys/kernel/hostname");

    /** This process's ownership of one execution; closing it (after the execution is saved ended) gives it up. */
    public static final class Claim implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;
        private final Owner owner;

        private Claim(Path file, FileChannel channel, FileLock lock, Owner owner) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
            this.owner = owner;
        }

        public Owner owner() {
            return owner;
        }

        @Override
        public void close() {
            try {
                // removed while still locked: nobody finds an unlocked file of a live owner
                Files.deleteIfExists(file);
                lock.release();
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot give up the ownership file " + file, e);
            } finally {
                HELD.remove(file);
            }
        }
    }
}
