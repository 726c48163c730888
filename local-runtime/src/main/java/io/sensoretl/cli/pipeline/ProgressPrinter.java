package io.sensoretl.cli.pipeline;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.cli.ProgressLine;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.progress.Progress;
import io.sensoretl.lambda.LambdaFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a run's progress on stderr as its functions are invoked: the step, then while chunks are
 * transformed the source bytes and records done out of the planned bytes, the rate and an ETA (a live
 * line on a terminal, a line every 10 s otherwise; {@link ProgressLine}), and failed attempts (the
 * workflow retries them or dead-letters the chunk).
 */
final class ProgressPrinter implements HandlerDecorator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream err;
    private final boolean console;
    private final AtomicInteger planned = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();
    private final Progress transform;
    private boolean transforming;

    ProgressPrinter(PrintStream err) {
        this(err, System.console() != null);
    }

    private ProgressPrinter(PrintStream err, boolean console) {
        this(err, console, new ProgressLine(err, console, console ? Duration.ofMillis(250) : Duration.ofSeconds(10),
                System::nanoTime, true));
    }

    ProgressPrinter(PrintStream err, boolean console, Progress transform) {
        this.err = err;
        this.console = console;
        this.transform = transform;
    }

    @Override
    public RequestStreamHandler decorate(LambdaFunction function, RequestStreamHandler handler) {
        return (in, out, context) -> {
            started(function);
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            try {
                handler.handleRequest(in, result, context);
            } catch (IOException | RuntimeException | Error e) {
                finished(function, null);
                throw e;
            }
            byte[] bytes = result.toByteArray();
            out.write(bytes);
            finished(function, bytes);
        };
    }

    private synchronized void started(LambdaFunction function) {
        if (function != LambdaFunction.TRANSFORM && transforming) {
            transforming = false;
            transform.finish();
            if (failedAttempts.get() > 0) {
                err.println("  " + failedAttempts.get() + " failed transform attempt(s) (retried, or the chunk went to the DLQ)");
            }
        }
        String step = switch (function) {
            case RECORD_RUN -> "recording the run in the ledger";
            case PLAN -> "planning chunks";
            case TRANSFORM -> null; // reported per chunk when it finishes
            case RUN_RESULTS -> "adding up run results";
            case COMPACT -> "compacting and publishing partitions";
            case LATEST_READINGS -> "updating latest readings";
            case CLOSE_RUN -> "closing the run";
        };
        if (step != null) {
            line("  " + step + "...");
        }
    }

    private synchronized void finished(LambdaFunction function, byte[] result) throws IOException {
        if (function == LambdaFunction.PLAN && result != null) {
            JsonNode plan = JSON.readTree(result);
            planned.set(plan.path("chunks").asInt());
            line(String.format("  planned %d chunk(s) over %,d bytes", plan.path("chunks").asInt(), plan.path("bytes").asLong()));
            transforming = true;
            transform.start("  transforming " + plan.path("chunks").asInt() + " chunk(s)", plan.path("bytes").asLong(), -1);
        } else if (function == LambdaFunction.TRANSFORM) {
            if (result == null) {
                failedAttempts.incrementAndGet();
            } else {
                done.incrementAndGet();
                // the chunk's source bytes and its source rows (not the readings they became)
                JsonNode stats = JSON.readTree(result);
                transform.advance(stats.path("bytes").asLong(), stats.path("sourceRecords").asLong());
            }
        }
    }

    /** The run is over (also when it failed during the transforms): stops the live line. */
    synchronized void close() {
        if (transforming) {
            transforming = false;
            transform.finish();
        }
    }

    private void line(String text) {
        err.println(text);
    }
}
