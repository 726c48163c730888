package io.sensoretl.cli;

import io.sensoretl.progress.Progress;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * {@link Progress} on stderr: bytes and records processed, the rate and an ETA. On a terminal one line
 * redrawn in place a few times a second; otherwise (a log, a CI job) a line every {@code interval}. A
 * ticker thread draws even while nothing advances, so a task busy on one large piece still shows it is
 * alive. Commands in {@code --json} mode use {@link Progress#NONE}: stdout carries only the document.
 */
public final class ProgressLine implements Progress {
    private static final Duration TERMINAL_INTERVAL = Duration.ofMillis(250);
    private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

    private final PrintStream err;
    private final boolean terminal;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final boolean ticker;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong records = new AtomicLong();
    private volatile String task;
    private volatile long totalBytes = -1;
    private volatile long totalRecords = -1;
    private volatile long startedNanos;
    private long lastDrawn;
    private boolean dirty;
    private boolean drawnOnce;
    private int lastWidth;
    private Thread tickerThread;

    /** For commands: stderr, live on a terminal, nothing at all with {@code --json}. */
    public static Progress forCommand(boolean json) {
        if (json) {
            return Progress.NONE;
        }
        boolean terminal = System.console() != null;
        return new ProgressLine(System.err, terminal, terminal ? TERMINAL_INTERVAL : LOG_INTERVAL, System::nanoTime, true);
    }

    /**
     * @param ticker whether a daemon thread draws every interval; without, lines are drawn only when
     *               {@link #advance} or {@link #tick} is called (tests drive it with their own clock)
     */
    public ProgressLine(PrintStream err, boolean terminal, Duration interval, LongSupplier nanoTime, boolean ticker) {
        this.err = err;
        this.terminal = terminal;
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.ticker = ticker;
    }

    @Override
    public synchronized void start(String task, long totalBytes, long totalRecords) {
        stopTicker();
        if (this.task != null) {
            endLine();
        }
        this.task = task;
        this.totalBytes = totalBytes;
        this.totalRecords = totalRecords;
        bytes.set(0);
        records.set(0);
        startedNanos = nanoTime.getAsLong();
        lastDrawn = startedNanos;
        dirty = false;
        drawnOnce = false;
        if (ticker) {
            Thread t = new Thread(this::tickEvery, "sensor-etl-progress");
            t.setDaemon(true);
            tickerThread = t;
            t.start();
        }
    }

    @Override
    public void advance(long bytes, long records) {
        this.bytes.addAndGet(bytes);
        this.records.addAndGet(records);
        synchronized (this) {
            dirty = true;
            tick();
        }
    }

    /** Draws if an interval has passed since the last drawing. */
    public synchronized void tick() {
        if (task == null) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (now - lastDrawn >= intervalNanos) {
            draw(now);
        }
    }

    @Override
    public synchronized void finish() {
        stopTicker();
        if (task == null) {
            return;
        }
        if (dirty || !drawnOnce) {
            draw(nanoTime.getAsLong());
        }
        endLine();
        task = null;
    }

    private void tickEvery() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(Math.max(1, intervalNanos / 1_000_000));
                tick();
            }
        } catch (InterruptedException e) {
            // finished
        }
    }

    private void stopTicker() {
        Thread t = tickerThread;
        tickerThread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    private void draw(long now) {
        lastDrawn = now;
        dirty = false;
        drawnOnce = true;
        String text = render(now);
        if (terminal) {
            // redraw in place; pad over a longer previous line
            err.print("\r" + text + " ".repeat(Math.max(0, lastWidth - text.length())));
            lastWidth = text.length();
        } else {
            err.println(text);
        }
        err.flush();
    }

    private void endLine() {
        if (terminal && lastWidth > 0) {
            err.println();
        }
        lastWidth = 0;
    }

    /** e.g. {@code transform: 412.0 MiB of 1.00 GiB (40%), 2,345,678 records, 45.2 MB/s, 9,100 records/s, ETA 0:13}. */
    String render(long now) {
        double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
        long b = bytes.get();
        long r = records.get();
        StringBuilder s = new StringBuilder(task).append(':');
        if (b > 0 || totalBytes > 0) {
            s.append(' ').append(ByteSizes.human(b));
            if (totalBytes > 0) {
                s.append(" of ").append(ByteSizes.human(totalBytes))
                        .append(String.format(Locale.ROOT, " (%d%%)", Math.min(100, b * 100 / totalBytes)));
            }
            s.append(',');
        }
        s.append(String.format(Locale.ROOT, " %,d records", r));
        if (totalRecords > 0 && totalBytes <= 0) {
            s.append(String.format(Locale.ROOT, " of %,d (%d%%)", totalRecords, Math.min(100, r * 100 / totalRecords)));
        }
        if (b > 0) {
            s.append(String.format(Locale.ROOT, ", %.1f MB/s", b / 1e6 / seconds));
        }
        s.append(String.format(Locale.ROOT, ", %,d records/s", Math.round(r / seconds)));
        double share = totalBytes > 0 ? (double) b / totalBytes : totalRecords > 0 ? (double) r / totalRecords : -1;
        if (share > 0 && share < 1) {
            s.append(", ETA ").append(clock(Math.round(seconds * (1 - share) / share)));
        } else {
            s.append(", ").append(clock(Math.round(seconds))).append(" elapsed");
        }
        return s.toString();
    }

    static String clock(long seconds) {
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    /** Binary units, as the CLI's sizes (64MiB) are written. */
    static final class ByteSizes {
        private ByteSizes() {}

        static String human(long bytes) {
            if (bytes < 1024) {
                return bytes + " B";
            }
            String[] units = {"KiB", "MiB", "GiB", "TiB"};
            double v = bytes;
            int u = -1;
            while (v >= 1024 && u < units.length - 1) {
                v /= 1024;
                u++;
            }
            return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : v >= 10 ? "%.1f %s" : "%.2f %s", v, units[u]);
        }
    }
}
