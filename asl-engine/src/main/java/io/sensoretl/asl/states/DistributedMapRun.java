package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.definition.ItemBatcher;
import io.sensoretl.asl.definition.MapLimits;
import io.sensoretl.asl.definition.MapState;
import io.sensoretl.asl.definition.ResultWriter;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.map.Batches;
import io.sensoretl.asl.map.ChildExecution;
import io.sensoretl.asl.map.FailureTolerance;
import io.sensoretl.asl.map.ResultFiles;
import io.sensoretl.asl.progress.ChildRun;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.progress.MapRunProgress;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionAborted;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.ExecutionTimedOut;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.History;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.runtime.Timestamps;
import io.sensoretl.asl.runtime.Variables;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Distributed Map run: items (optionally batched) run as child executions with their own history, failures
 * are counted against the tolerance, results optionally go to S3 via ResultWriter, and the run is reported as
 * DescribeMapRun reports it while it goes. Redriven, the same Map Run re-runs only its children that did not
 * succeed or never started (STANDARD children go on from where they stood, EXPRESS ones start again).
 */
final class DistributedMapRun {
    private static final String OWNER = ExecutionRecord.currentOwner();
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

    /**
     * @param items   the items after ItemSelector, for a new run; null when redriving {@code earlier}
     * @param earlier the Map Run this state had before the redrive that re-entered it; null for a new run
     */
    JsonNode run(List<JsonNode> items, StateValues values, MapRunProgress earlier) {
        ExecutionInfo parent = env.frame().runtime().info();
        String label = state.label() != null ? state.label() : state.name();
        String childMachine = parent.stateMachineName() + "/" + label;
        String now = Timestamps.format(env.services().time().now());
        MapRunProgress run;
        if (earlier != null) {
            run = earlier.redriven(now);
            env.frame().runtime().recordMapRun(run);
            env.frame().progress().inner(run);
            env.frame().event("MapRunRedriven", Json.object().put("mapRunArn", run.mapRunArn())
                    .put("redriveCount", run.redriveCount()));
        } else {
            List<JsonNode> inputs = state.itemBatcher() == null ? items : batches(items, values);
            String runId = env.services().uuids().get();
            String mapRunArn = "arn:" + parent.partition() + ":states:" + parent.region() + ":" + parent.account()
                    + ":mapRun:" + childMachine + ":" + runId;
            String childMachineArn = "arn:" + parent.partition() + ":states:" + parent.region() + ":" + parent.account()
                    + ":stateMachine:" + childMachine;
            run = MapRunProgress.start(mapRunArn, parent.executionArn(), childMachineArn, settings(), inputs, now);
            env.frame().runtime().recordMapRun(run);
            env.frame().progress().inner(run);
            env.frame().event("MapRunStarted", Json.object().put("mapRunArn", mapRunArn));
        }
        int total = run.children().size();
        AtomicInteger failures = new AtomicInteger();
        List<Callable<ChildRun>> work = new ArrayList<>();
        for (ChildRun child : run.children()) {
            if (child.succeeded()) {
                work.add(() -> child);
            } else {
                work.add(() -> runChild(parent, childMachine, child, failures, total));
            }
        }
        try {
            BoundedRunner.runAll(env.services().executor(), env.services().time(), work, limits.maxConcurrency());
        } catch (ExecutionAborted e) {
            run.ended("ABORTED", Timestamps.format(env.services().time().now()), false);
            throw e;
        }
        boolean exceeded = tolerance.exceeded(failures.get(), total);
        JsonNode result;
        boolean written = false;
        if (!exceeded && state.resultWriter() != null) {
            result = write(run, parent, values);
            written = true;
        } else {
            ArrayNode outputs = Json.array();
            for (ChildRun c : run.children()) {
                outputs.add(c.status() == null ? Json.NODES.nullNode() : c.succeeded() ? c.output()
                        : ErrorHandlingRunner.errorOutput(new FailureException(c.error(), c.cause())));
            }
            result = outputs;
        }
        String end = Timestamps.format(env.services().time().now());
        if (exceeded) {
            run.ended("FAILED", end, false);
            env.frame().event("MapRunFailed", EventDetails.failure(StatesErrorName.EXCEED_TOLERATED_FAILURE_THRESHOLD.code(),
                    "The specified tolerance threshold was exceeded"));
            throw new FailureException(StatesErrorName.EXCEED_TOLERATED_FAILURE_THRESHOLD,
                    "The specified tolerance threshold was exceeded");
        }
        run.ended("SUCCEEDED", end, written);
        env.frame().event("MapRunSucceeded", null);
        return result;
    }

    private MapRunProgress.Settings settings() {
        return new MapRunProgress.Settings(limits.maxConcurrency(),
                limits.toleratedFailurePercentage() == null ? 0.0 : limits.toleratedFailurePercentage(),
                limits.toleratedFailureCount() == null ? 0 : limits.toleratedFailureCount(),
                state.resultWriter() != null, state.expressChildren());
    }

    private ChildRun runChild(ExecutionInfo parent, String childMachine, ChildRun child, AtomicInteger failures, int total) {
        if (tolerance.exceeded(failures.get(), total)) {
            return child;
        }
        env.frame().runtime().control().check();
        // a STANDARD child that stood somewhere goes on from there (same name); anything else starts afresh
        FrameProgress earlier = state.expressChildren() ? null : child.frame();
        boolean goesOn = earlier != null && earlier.resumable() && child.name() != null;
        String name = goesOn ? child.name() : env.services().uuids().get();
        // as on AWS, a STANDARD child has its own description and history; an EXPRESS child's go to logs only
        ExecutionStore records = state.expressChildren() ? null : env.frame().runtime().childRecords();
        ExecutionRecord before = goesOn && records != null ? records.find(name).orElse(null) : null;
        Instant now = env.services().time().now();
        ExecutionInfo info = before == null
                ? new ExecutionInfo(parent.partition(), parent.region(), parent.account(), childMachine, name,
                        parent.roleArn(), now, child.input())
                : new ExecutionInfo(parent.partition(), parent.region(), parent.account(), childMachine, name,
                        parent.roleArn(), Instant.parse(before.startDate()), child.input(), null, before.redriveCount(),
                        null).redriven(now);
        History history = new History(env.services().time(), before == null ? List.of() : before.events());
        ExecutionRuntime childRuntime = env.frame().runtime().child(info, history);
        long last = 0;
        if (before == null) {
            // AWS gives the first event after ExecutionStarted previousEventId 0
            history.add("ExecutionStarted", 0, EventDetails.payload("input", child.input()).put("roleArn", info.roleArn()));
        } else {
            last = history.add("ExecutionRedriven", history.lastId(),
                    Json.object().put("redriveCount", info.redriveCount()));
        }
        FrameProgress progress = new FrameProgress();
        Frame frame = new Frame(childRuntime, Variables.root(), null, last, progress, goesOn ? earlier : null);
        child.started(name, info.executionArn(), Timestamps.format(info.startTime()), progress);
        keep(records, info, history, "RUNNING", null, null, null, null);
        try {
            JsonNode out = Interpreter.run(state.processor(), child.input(), frame);
            frame.event("ExecutionSucceeded", EventDetails.payload("output", out));
            ended(records, child, info, history, "SUCCEEDED", out, null, null);
        } catch (FailureException e) {
            failures.incrementAndGet();
            frame.event("ExecutionFailed", EventDetails.failure(e.error(), e.cause()));
            ended(records, child, info, history, "FAILED", null, e.error(), e.cause());
        } catch (ExecutionAborted | ExecutionTimedOut e) {
            // the parent was stopped or timed out: its Map Run aborts the children still running
            history.add("ExecutionAborted", history.lastId(), Json.object());
            ended(records, child, info, history, "ABORTED", null, null, null);
            throw e;
        }
        env.frame().runtime().checkpoint();
        return child;
    }

    private void ended(ExecutionStore records, ChildRun child, ExecutionInfo info, History history, String status,
                       JsonNode output, String error, String cause) {
        Instant at = env.services().time().now();
        child.ended(status, output, error, cause, Timestamps.format(at));
        keep(records, info, history, status, output, error, cause, at);
    }

    /** Saves a STANDARD child's record (as it starts and as it ends), when its parent keeps records. */
    private static void keep(ExecutionStore records, ExecutionInfo info, History history, String status, JsonNode output,
                             String error, String cause, Instant stop) {
        if (records == null) {
            return;
        }
        records.save(new ExecutionRecord(info.executionArn(), info.executionName(), info.stateMachineArn(), status,
                Timestamps.format(info.startTime()), stop == null ? null : Timestamps.format(stop), info.input(), output,
                error, cause, history.events(), List.of(), "STANDARD", info.redriveCount(),
                info.redriveTime() == null ? null : Timestamps.format(info.redriveTime()), null,
                stop == null ? OWNER : null));
    }

    /** ItemBatcher: the items grouped into {"BatchInput", "Items"} by the limits of this run. */
    private List<JsonNode> batches(List<JsonNode> items, StateValues values) {
        ItemBatcher.Resolved batching = state.itemBatcher().resolve(values);
        return Batches.batch(items, batching.maxItems(), batching.maxBytes(), batching.batchInput());
    }

    private JsonNode write(MapRunProgress run, ExecutionInfo parent, StateValues values) {
        ResultWriter writer = state.resultWriter();
        JsonNode params = writer.parameters(values);
        if (!writer.writerConfig().supported()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "ResultWriter.WriterConfig " + writer.writerConfig().asWritten()
                    + " is not supported by this engine (only OutputType JSON with Transformation NONE).");
        }
        if (env.services().objects() == null) {
            throw new FailureException(StatesErrorName.RESULT_WRITER_FAILED, "No S3 client is configured for ResultWriter");
        }
        List<ChildExecution> done = new ArrayList<>();
        for (ChildRun c : run.children()) {
            if (c.status() != null) {
                done.add(new ChildExecution(c.executionArn(), c.name(), c.input(), c.output(), c.status(), c.error(),
                        c.cause(), c.startDate(), c.stopDate()));
            }
        }
        try {
            return new ResultFiles(env.services().objects()).write(params.path("Bucket").asText(),
                    params.path("Prefix").asText(""), run.mapRunArn(), parent.stateMachineArn(), done);
        } catch (RuntimeException e) {
            throw new FailureException(StatesErrorName.RESULT_WRITER_FAILED, e.getMessage());
        }
    }
}
