package io.sensoretl.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** One in-process run of `./sensor-etl` with its exit code and what it printed, for command tests. */
public record CliRun(int exit, String out, String err) {

    public static synchronized CliRun of(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = SensorEtl.execute(args);
            return new CliRun(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    /**
     * A command running on its own thread while the test goes on (e.g. {@code serve}); what it prints
     * through picocli is captured, line by line for stdout. System.out/err are left alone, so
     * {@link #of} can run other commands meanwhile.
     */
    public static Background background(String... args) {
        return new Background(args);
    }

    public static final class Background implements AutoCloseable {
        private final Lines out = new Lines();
        private final Lines err = new Lines();
        private final AtomicInteger exit = new AtomicInteger(Integer.MIN_VALUE);
        private final Thread thread;

        private Background(String[] args) {
            var cli = SensorEtl.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit.set(cli.execute(args)), "cli-" + String.join("-", args).replaceAll("\\W", ""));
            thread.start();
        }

        /** The next line the command printed on stdout. */
        public String awaitLine(Duration timeout) throws InterruptedException {
            return next(out, "stdout", timeout);
        }

        /** The next line the command printed on stderr. */
        public String awaitErrLine(Duration timeout) throws InterruptedException {
            return next(err, "stderr", timeout);
        }

        private String next(Lines from, String name, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            String line = null;
            while (line == null && System.nanoTime() < deadline && (thread.isAlive() || !from.lines.isEmpty())) {
                line = from.lines.poll(100, TimeUnit.MILLISECONDS);
            }
            if (line == null) {
                throw new AssertionError("no line on " + name + " within " + timeout + (thread.isAlive() ? ""
                        : "; the command ended with " + exit.get()) + "; stdout: " + out.all + "; stderr: " + err.all);
            }
            return line;
        }

        public boolean running() {
            return thread.isAlive();
        }

        /** Waits for the command to end by itself. */
        public CliRun await(Duration timeout) throws InterruptedException {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("still running after " + timeout + "; stdout: " + out.all + " stderr: " + err.all);
            }
            return new CliRun(exit.get(), out.all.toString(), err.all.toString());
        }

        /** Stops the command if it still runs, e.g. when a test failed before stopping it. */
        @Override
        public void close() {
            if (thread.isAlive()) {
                try {
                    stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt(); // the test is being stopped: leave the command to its daemon thread
                }
            }
        }

        /** Interrupts the command (as Ctrl-C stops serve) and waits for it to end. */
        public CliRun stop() throws InterruptedException {
            thread.interrupt();
            return await(Duration.ofSeconds(60));
        }
    }

    private static final class Lines extends Writer {
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        final StringBuffer all = new StringBuffer();
        private final StringBuilder current = new StringBuilder();

        @Override
        public synchronized void write(char[] b, int off, int len) {
            all.append(b, off, len);
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') {
                    lines.add(current.toString());
                    current.setLength(0);
                } else if (b[i] != '\r') {
                    current.append(b[i]);
                }
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    }
}
