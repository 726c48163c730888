package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.definition.ItemBatcher;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.ResultWriter;
import io.sensoretl.asl.map.Batches;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.map.ChildExecution;
import io.sensoretl.asl.map.FailureTolerance;
import io.sensoretl.asl.map.MapRunRecord;
import io.sensoretl.asl.map.ResultFiles;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.runtime.Timestamps;
import io.sensoretl.asl.runtime.Variables;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Distributed Map run: items (optionally batched) run as child executions with their own
 * history, failures are counted against the tolerance, results optionally go to S3 via
 * ResultWriter, and a DescribeMapRun-like record is kept.
 */
final class DistributedMapRun {
    private final MapState state;
    private final StateEnv env;
    private final MapLimits.Resolved limits;
    private final FailureTolerance tolerance;

    DistributedMapRun(MapState state, StateEnv env, MapLimits.Resolved limits) {
        this.state = state;
        this.env = env;
        this.limits = limits;
        this.tolerance = new FailureTolerance(limits.toleratedFailureCount(), limits.toleratedFailurePercentage());
    }

    JsonNode run(List<JsonNode> items, StateValues values) {
        List<JsonNode> inputs = state.itemBatcher() == null ? items : batches(items, values);
        ExecutionInfo parent = env.frame().runtime().info();
        String runId = env.services().uuids().get();
        String label = state.label() != null ? state.label() : state.name();
        String mapRunArn = "arn:" + parent.partition() + ":states:" + parent.region() + ":" + parent.account() + ":mapRun:"
                + parent.stateMachineName() + "/" + label + ":" + runId;
        String childMachine = parent.stateMachineName() + "/" + label;
        String startDate = Timestamps.format(env.services().time().now());
        env.frame().event("MapRunStarted", Json.object().put("mapRunArn", mapRunArn));
        AtomicInteger failures = new AtomicInteger();
        List<Callable<ChildExecution>> work = new ArrayList<>();
        for (JsonNode childInput : inputs) {
            work.add(() -> runChild(parent, childMachine, childInput, failures, inputs.size()));
        }
        List<ChildExecution> children = BoundedRunner.runAll(env.services().executor(), env.services().time(), work,
                limits.maxConcurrency());
        boolean exceeded = tolerance.exceeded(failures.get(), inputs.size());
        JsonNode result;
        if (!exceeded && state.resultWriter() != null) {
            result = write(mapRunArn, parent, children, values);
        } else {
            ArrayNode outputs = Json.array();
            for (ChildExecution c : children) {
                outputs.add(c == null ? Json.NODES.nullNode() : c.succeeded() ? c.output()
                        : io.sensoretl.asl.retry.ErrorHandlingRunner.errorOutput(
                        new FailureException(c.error(), c.cause())));
            }
            result = outputs;
        }
        env.frame().runtime().recordMapRun(MapRunRecord.of(mapRunArn, parent.executionArn(), children, exceeded, startDate,
                Timestamps.format(env.services().time().now()), limits, state.resultWriter() != null));
        if (exceeded) {
            env.frame().event("MapRunFailed", EventDetails.failure(StatesErrorName.EXCEED_TOLERATED_FAILURE_THRESHOLD.code(),
                    "The specified tolerance threshold was exceeded"));
            throw new FailureException(StatesErrorName.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerance threshold was exceeded");
        }
        env.frame().event("MapRunSucceeded", null);
        return result;
    }

    private ChildExecution runChild(ExecutionInfo parent, String childMachine, JsonNode childInput, AtomicInteger failures,
                                    int total) {
        if (tolerance.exceeded(failures.get(), total)) {
            return null;
        }
        env.frame().runtime().stop().check();
        String name = env.services().uuids().get();
        ExecutionInfo info = new ExecutionInfo(parent.partition(), parent.region(), parent.account(), childMachine, name,
                parent.roleArn(), env.services().time().now(), childInput);
        ExecutionRuntime child = env.frame().runtime().child(info);
        Frame frame = new Frame(child, Variables.root(), null, 0);
        String start = Timestamps.format(info.startTime());
        frame.event("ExecutionStarted", EventDetails.payload("input", childInput));
        try {
            JsonNode out = Interpreter.run(state.processor(), childInput, frame);
            frame.event("ExecutionSucceeded", EventDetails.payload("output", out));
            return new ChildExecution(info.executionArn(), name, childInput, out, "SUCCEEDED", null, null, start,
                    Timestamps.format(env.services().time().now()));
        } catch (FailureException e) {
            failures.incrementAndGet();
            frame.event("ExecutionFailed", EventDetails.failure(e.error(), e.cause()));
            return new ChildExecution(info.executionArn(), name, childInput, null, "FAILED", e.error(), e.cause(), start,
                    Timestamps.format(env.services().time().now()));
        }
    }

    /** ItemBatcher: the items grouped into {"BatchInput", "Items"} by the limits of this run. */
    private List<JsonNode> batches(List<JsonNode> items, StateValues values) {
        ItemBatcher.Resolved batching = state.itemBatcher().resolve(values);
        return Batches.batch(items, batching.maxItems(), batching.maxBytes(), batching.batchInput());
    }

    private JsonNode write(String mapRunArn, ExecutionInfo parent, List<ChildExecution> children, StateValues values) {
        ResultWriter writer = state.resultWriter();
        JsonNode params = writer.parameters(values);
        if (!writer.writerConfig().supported()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "ResultWriter.WriterConfig " + writer.writerConfig().asWritten()
                    + " is not supported by this engine (only OutputType JSON with Transformation NONE).");
        }
        if (env.services().objects() == null) {
            throw new FailureException(StatesErrorName.RESULT_WRITER_FAILED, "No S3 client is configured for ResultWriter");
        }
        try {
            List<ChildExecution> done = children.stream().filter(c -> c != null).toList();
            return new ResultFiles(env.services().objects()).write(params.path("Bucket").asText(),
                    params.path("Prefix").asText(""), mapRunArn, parent.stateMachineArn(), done);
        } catch (RuntimeException e) {
            throw new FailureException(StatesErrorName.RESULT_WRITER_FAILED, e.getMessage());
        }
    }
}
