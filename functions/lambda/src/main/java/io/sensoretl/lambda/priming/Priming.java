package io.sensoretl.lambda.priming;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.crac.Context;
import org.crac.Resource;

/**
 * A handler's SnapStart priming: before Lambda snapshots the initialised function, one invocation of
 * the handler's own code on a small built-in event, against AWS clients whose HTTP layer answers from
 * memory ({@link CannedHttpClient}). Everything the first real invocation would load and compile
 * (Jackson, the contract, the transform, Parquet, the SDK's marshalling and signing) is then in the
 * snapshot. No network, no files, and no state shared with the handler that registered it: the
 * priming builds its own handler instance over its own clients. Each function's handler registers its
 * priming by name through {@code io.sensoretl.lambda.SnapStart} (primings depend on handlers, never the
 * reverse); a priming needs a public no-argument constructor.
 *
 * <p>{@code ./sensor-etl bench coldstart} trains its AppCDS archive by running exactly this (see
 * {@code io.sensoretl.coldstart.FirstInvocation}), so the benchmark and SnapStart prime the same paths.
 */
public abstract class Priming implements Resource {

    @Override
    public final void beforeCheckpoint(Context<? extends Resource> context) throws IOException {
        run();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing to refresh: the priming kept no connections, credentials or files
    }

    /** Runs the priming invocation once and returns the handler's JSON output. */
    public abstract String run() throws IOException;

    /** The handler's {@code handleRequest} on {@code event}, as the Lambda runtime would call it. */
    protected static String invoke(RequestStreamHandler handler, String function, String event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out,
                new LocalContext(function));
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Fails the priming when the SDK was never exercised: the snapshot would miss its code. */
    protected static void requireCalls(CannedHttpClient http, String service) {
        if (http.calls() == 0) {
            throw new IllegalStateException("priming made no " + service + " call: the SDK path is not primed");
        }
    }
}
