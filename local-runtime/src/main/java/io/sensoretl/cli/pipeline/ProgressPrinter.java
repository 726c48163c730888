package io.sensoretl.cli.pipeline;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.local.LocalFunctions;
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
    public RequestStreamHandler decorate(String substitution, RequestStreamHandler handler) {
        return (in, out, context) -> {
            started(substitution);
            ByteArrayOutputStream result = new ByteArrayOutputStream();
            try {
                handler.handleRequest(in, result, context);
            } catch (IOException | RuntimeException | Error e) {
                finished(substitution, null);
                throw e;
            }
            byte[] bytes = result.toByteArray();
            out.write(bytes);
            finished(substitution, bytes);
        };
    }

    private void started(String substitution) {
        String step = switch (substitution) {
            case LocalFunctions.RECORD_RUN -> "recording the run in the ledger";
            case LocalFunctions.PLAN -> "planning chunks";
            case LocalFunctions.RUN_RESULTS -> "adding up run results";
            case LocalFunctions.COMPACT -> "compacting and publishing partitions";
            case LocalFunctions.LATEST_READINGS -> "updating latest readings";
            case LocalFunctions.CLOSE_RUN -> "closing the run";
            default -> null;
        };
        if (step != null) {
            line("  " + step + "...");
        }
    }

    private synchronized void finished(String substitution, byte[] result) throws IOException {
        if (substitution.equals(LocalFunctions.PLAN) && result != null) {
            JsonNode plan = JSON.readTree(result);
            planned.set(plan.path("chunks").asInt());
            line(String.format("  planned %d chunk(s) over %,d bytes", plan.path("chunks").asInt(), plan.path("bytes").asLong()));
        } else if (substitution.equals(LocalFunctions.TRANSFORM)) {
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
