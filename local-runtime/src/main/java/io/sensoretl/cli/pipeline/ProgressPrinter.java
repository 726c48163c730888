package io.sensoretl.cli.pipeline;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.lambda.LambdaFunction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Shows a run's progress on stderr as its functions are invoked: the step, then chunks done out of
 * the planned number, with failed attempts (the workflow retries them or dead-letters the chunk).
 */
final class ProgressPrinter implements HandlerDecorator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream err;
    private final boolean console;
    private final AtomicInteger planned = new AtomicInteger(-1);
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failedAttempts = new AtomicInteger();

    ProgressPrinter(PrintStream err) {
        this.err = err;
        this.console = System.console() != null;
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

    private void started(LambdaFunction function) {
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
        } else if (function == LambdaFunction.TRANSFORM) {
            if (result == null) {
                failedAttempts.incrementAndGet();
            } else {
                done.incrementAndGet();
            }
            String text = String.format("  transforming chunks: %d/%s done%s", done.get(),
                    planned.get() < 0 ? "?" : String.valueOf(planned.get()),
                    failedAttempts.get() == 0 ? "" : ", " + failedAttempts.get() + " failed attempt(s)");
            if (console) {
                err.print("\r" + text);
                err.flush();
            } else if (result != null && planned.get() > 0 && (done.get() == planned.get()
                    || done.get() * 10 / planned.get() > (done.get() - 1) * 10 / planned.get())) {
                // not a terminal: a line per tenth of the chunks instead of a line rewritten in place
                err.println(text);
            }
        }
    }

    private void line(String text) {
        if (console && done.get() > 0) {
            err.println();
        }
        err.println(text);
    }
}
