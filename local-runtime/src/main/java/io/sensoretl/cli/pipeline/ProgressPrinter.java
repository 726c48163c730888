package io.sensoretl.cli.pipeline;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.cli.ProgressLine;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.progress.Progress;
import io.sensoretl.lambda.LambdaFunction;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a run's progress on stderr as its functions are invoked: the step, then while chunks are
 * transformed the source bytes and records done out of the planned bytes, the rate and an ETA (a live
 * line on a terminal, a line every 10 s otherwise; {@link ProgressLine}), and failed attempts (the
 * workflow retries them or dead-letters the chunk). Compaction shows its plan (partitions, staged rows, groups,
 * slices), then the rows its group and slice tasks have sorted and written on the same kind of line.
 */
final class ProgressPrinter implements HandlerDecorator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream err;
    private final boolean console;
    private final AtomicInteger planned = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Progress progress;
    private boolean transforming;
    /** "group" or "slice" while the compaction's Map over them runs, else null. */
    private String compacting;
    private int groups;
    private int slices;
    private long estimatedRows;

    ProgressPrinter(PrintStream err) {
        this(err, System.console() != null);
    }

    private ProgressPrinter(PrintStream err, boolean console) {
        this(err, console, new ProgressLine(err, console, console ? Duration.ofMillis(250) : Duration.ofSeconds(10),
                System::nanoTime, true));
    }

    ProgressPrinter(PrintStream err, boolean console, Progress progress) {
        this.err = err;
        this.console = console;
        this.progress = progress;
    }

    @Override
    public RequestStreamHandler decorate(LambdaFunction function, RequestStreamHandler handler) {
        return (in, out, context) -> {
            byte[] request = in.readAllBytes();
            String action = function == LambdaFunction.COMPACT ? compactAction(request) : null;
            started(function, action);
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            try {
                handler.handleRequest(new ByteArrayInputStream(request), result, context);
            } catch (IOException | RuntimeException | Error e) {
                finished(function, action, null);
                throw e;
            }
            byte[] bytes = result.toByteArray();
            out.write(bytes);
            finished(function, action, bytes);
        };
    }

    /** The compaction step a compact invocation is asked for ("plan", "group", "slice", "publish"; "all" without one). */
    private static String compactAction(byte[] request) {
        try {
            return JSON.readTree(request).path("action").asText("all");
        } catch (IOException e) {
            return "all"; // the handler reports the bad payload itself
        }
    }

    private synchronized void started(LambdaFunction function, String action) {
        if (function != LambdaFunction.TRANSFORM && transforming) {
            transforming = false;
            progress.finish();
            if (failedAttempts.get() > 0) {
                err.println("  " + failedAttempts.get() + " failed transform attempt(s) (retried, or the chunk went to the DLQ)");
            }
        }
        if (function == LambdaFunction.COMPACT && compacting != null && !compacting.equals(action)) {
            compacting = null;
            progress.finish();
        }
        String step = switch (function) {
            case RECORD_RUN -> "recording the run in the ledger";
            case PLAN -> "planning chunks";
            case TRANSFORM -> null; // reported per chunk when it finishes
            case RUN_RESULTS -> "adding up run results";
            case COMPACT -> switch (action) {
                case "plan" -> "planning compaction";
                case "group", "slice" -> null; // one task of a Map: counted on the progress line
                case "publish" -> "publishing partitions";
                default -> "compacting and publishing partitions";
            };
            case LATEST_READINGS -> "updating latest readings";
            case CLOSE_RUN -> "closing the run";
        };
        if (step != null) {
            line("  " + step + "...");
        }
        if (function == LambdaFunction.COMPACT && compacting == null && ("group".equals(action) || "slice".equals(action))) {
            // the first task of a Map over groups or slices: its rows are counted until the next step begins
            compacting = action;
            boolean group = "group".equals(action);
            progress.start(group ? "  sorting " + groups + " group(s) of staged rows"
                    : "  writing " + slices + " slice(s) into the new versions", -1, group ? estimatedRows : -1);
        }
    }

    private synchronized void finished(LambdaFunction function, String action, byte[] result) throws IOException {
        if (function == LambdaFunction.COMPACT && result != null) {
            JsonNode answer = JSON.readTree(result);
            switch (action) {
                case "plan" -> {
                    groups = answer.path("groups").asInt();
                    slices = answer.path("slices").asInt();
                    estimatedRows = 0;
                    int partitions = 0;
                    for (JsonNode p : answer.path("plannedPartitions")) {
                        if ("PLANNED".equals(p.path("status").asText())) {
                            partitions++;
                            estimatedRows += p.path("estimatedRows").asLong();
                        }
                    }
                    line(String.format("  compaction planned: %d partition(s), ~%,d staged row(s), %d group(s), %d slice(s)",
                            partitions, estimatedRows, groups, slices));
                }
                case "group", "slice" -> progress.advance(0, answer.path("rows").asLong());
                default -> { }
            }
            return;
        }
        if (function == LambdaFunction.PLAN && result != null) {
            JsonNode plan = JSON.readTree(result);
            planned.set(plan.path("chunks").asInt());
            line(String.format("  planned %d chunk(s) over %,d bytes", plan.path("chunks").asInt(), plan.path("bytes").asLong()));
            transforming = true;
            progress.start("  transforming " + plan.path("chunks").asInt() + " chunk(s)", plan.path("bytes").asLong(), -1);
        } else if (function == LambdaFunction.TRANSFORM) {
            if (result == null) {
                failedAttempts.incrementAndGet();
            } else {
                done.incrementAndGet();
                // the chunk's source bytes and its source rows (not the readings they became)
                JsonNode stats = JSON.readTree(result);
                progress.advance(stats.path("bytes").asLong(), stats.path("sourceRecords").asLong());
            }
        }
    }

    /** The run is over (also when it failed during the transforms): stops the live line. */
    synchronized void close() {
        if (transforming || compacting != null) {
            transforming = false;
            compacting = null;
            progress.finish();
        }
    }

    private void line(String text) {
        err.println(text);
    }
}
