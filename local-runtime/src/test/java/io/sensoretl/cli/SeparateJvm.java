package io.sensoretl.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * `./sensor-etl` (or another main class of the test class path) in a JVM of its own, so a test can
 * kill it as a crash would: SIGKILL, no shutdown hook, no finally block.
 */
public final class SeparateJvm implements AutoCloseable {
    private final Process process;
    private final Path stderr;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    private SeparateJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "separate-jvm-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** `./sensor-etl args...` with the test's class path. */
    public static SeparateJvm sensorEtl(Path stderr, String... args) throws IOException {
        return main(stderr, SensorEtl.class.getName(), args);
    }

    /** `./sensor-etl args...` with the test's class path and these JVM options (e.g. {@code -Dname=value}). */
    public static SeparateJvm sensorEtl(Path stderr, List<String> jvmOptions, String... args) throws IOException {
        return main(stderr, jvmOptions, SensorEtl.class.getName(), args);
    }

    public static SeparateJvm main(Path stderr, String mainClass, String... args) throws IOException {
        return main(stderr, List.of(), mainClass, args);
    }

    public static SeparateJvm main(Path stderr, List<String> jvmOptions, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(stderr.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("JAVA_TOOL_OPTIONS"));
        return new SeparateJvm(pb.start(), stderr);
    }

    public long pid() {
        return process.pid();
    }

    public String awaitLine(Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        String line = null;
        // a line printed just before the process ended may still be on its way through the reader
        while (line == null && System.nanoTime() < deadline && (process.isAlive() || reader.isAlive() || !lines.isEmpty())) {
            line = lines.poll(100, TimeUnit.MILLISECONDS);
        }
        if (line == null) {
            throw new AssertionError("no line on stdout within " + timeout + (process.isAlive() ? ""
                    : "; exited with " + process.exitValue()) + "; stderr: " + Files.readString(stderr));
        }
        return line;
    }

    /** Closes its standard input (commands reading it take that as "stop"). */
    public void closeInput() throws IOException {
        process.getOutputStream().close();
    }

    public int waitFor(Duration timeout) throws InterruptedException, IOException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("still running after " + timeout + "; stderr: " + Files.readString(stderr)
                    + "\nits threads:\n" + threadDump());
        }
        return process.exitValue();
    }

    /** SIGTERM, as Ctrl-C's SIGINT: the JVM runs its shutdown hooks, then ends. */
    public void terminate() {
        // through the handle: Process.destroy() also closes our end of its stdout, losing what it prints on the way out
        process.toHandle().destroy();
    }

    /** What the process printed on stderr so far. */
    public String stderr() throws IOException {
        return Files.readString(stderr);
    }

    /** Waits until a line of stderr contains {@code text}; fails if the process ends or time runs out first. */
    public void awaitStderr(String text, Duration timeout) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Files.readString(stderr).contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("'" + text + "' not on stderr " + (process.isAlive() ? "within " + timeout
                        : "before the process ended with " + process.exitValue()) + "; stderr: " + Files.readString(stderr)
                        + (process.isAlive() ? "\nits threads:\n" + threadDump() : ""));
            }
            Thread.sleep(50);
        }
    }

    /** The stacks of the process's threads ({@code jcmd <pid> Thread.print}), to say where a hung process waits. */
    public String threadDump() {
        try {
            Path out = Files.createTempFile("separate-jvm-threads", ".txt");
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
                if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                    jcmd.destroyForcibly();
                    return "(jcmd did not answer within 30 s)";
                }
                return Files.readString(out);
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            return "(no thread dump: " + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }

    /** SIGKILL: what a crash, the OOM killer or {@code kill -9} does. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly(); // not waited for: a close must not be interruptible
        }
    }
}
