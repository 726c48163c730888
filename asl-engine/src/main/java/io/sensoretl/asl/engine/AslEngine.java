package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.DefinitionParseException;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.intrinsics.IntrinsicFunctions;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataEvaluator;
import io.sensoretl.asl.runtime.EngineServices;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.ExecutionTimedOut;
import io.sensoretl.asl.runtime.StopSignal;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.Timestamps;
import io.sensoretl.asl.runtime.Variables;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.services.MessageQueue;
import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.TaskResource;
import io.sensoretl.asl.states.Interpreter;
import io.sensoretl.asl.states.MachineParser;
import io.sensoretl.asl.task.LambdaFunctionResource;
import io.sensoretl.asl.task.LambdaInvokeIntegration;
import io.sensoretl.asl.task.LambdaInvoker;
import io.sensoretl.asl.task.PayloadLimit;
import io.sensoretl.asl.task.SqsSendMessageIntegration;
import io.sensoretl.asl.task.TaskResources;
import io.sensoretl.asl.time.SystemTimeSource;
import io.sensoretl.asl.time.TimeSource;
import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.asl.validation.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The entry point: load (validate + parse) definitions and run executions on injected services. */
public final class AslEngine {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "123456789012";
    private final EngineServices services;
    private final LambdaFunctions lambdas;
    private final ExecutionStore store;
    /** Executions in progress in this engine, by ARN: what {@link #stop} can stop. */
    private final java.util.concurrent.ConcurrentHashMap<String, Running> running = new java.util.concurrent.ConcurrentHashMap<>();

    /** An execution in progress; its monitor orders a stop against the execution's own end. */
    private static final class Running {
        final ExecutionInfo info;
        final ExecutionRuntime runtime;
        boolean ended;

        Running(ExecutionInfo info, ExecutionRuntime runtime) {
            this.info = info;
            this.runtime = runtime;
        }
    }

    private AslEngine(EngineServices services, LambdaFunctions lambdas, ExecutionStore store) {
        this.services = services;
        this.lambdas = lambdas;
        this.store = store;
    }

    public static Builder builder() {
        return new Builder();
    }

    public LambdaFunctions lambdas() {
        return lambdas;
    }

    public static StateMachine load(JsonNode document) {
        List<Problem> problems = DefinitionValidator.validate(document);
        if (!problems.isEmpty()) {
            throw new InvalidDefinitionException(problems);
        }
        try {
            return new StateMachine(document, MachineParser.parse(document));
        } catch (DefinitionParseException e) {
            // a field the validator does not look at (e.g. a *Path field of a JSONata state) is parsed here
            throw new InvalidDefinitionException(List.of(new Problem(e.pointer(), e.getMessage())));
        }
    }

    /**
     * Runs an execution to its end on the calling thread. With a store, the execution is saved RUNNING when
     * it starts (so a process that dies during it leaves it listed) and again when it ends.
     */
    public ExecutionResult execute(StateMachine machine, ExecutionRequest request) {
        String smName = request.stateMachineName() != null ? request.stateMachineName() : "local-state-machine";
        String name = request.executionName() != null ? request.executionName() : services.uuids().get();
        String region = request.region() != null ? request.region() : DEFAULT_REGION;
        String account = request.account() != null ? request.account() : DEFAULT_ACCOUNT;
        String partition = request.partition() != null ? request.partition() : "aws";
        String role = request.roleArn() != null ? request.roleArn()
                : "arn:" + partition + ":iam::" + account + ":role/local-step-functions";
        JsonNode input = request.input() == null ? Json.object() : request.input();
        ExecutionInfo info = new ExecutionInfo(partition, region, account, smName, name, role, services.time().now(), input);
        java.time.Instant deadline = machine.definition().timeoutSeconds() == null ? null
                : info.startTime().plusSeconds(machine.definition().timeoutSeconds());
        ExecutionRuntime runtime = ExecutionRuntime.start(services, info, deadline);
        Running self = new Running(info, runtime);
        if (running.putIfAbsent(info.executionArn(), self) != null) {
            // StartExecution with the name of an execution that is running
            throw new IllegalArgumentException("Execution Already Exists: '" + info.executionArn() + "' is running");
        }
        try {
            Frame frame = new Frame(runtime, Variables.root(), null, 0);
            frame.event("ExecutionStarted", EventDetails.payload("input", input).put("roleArn", role));
            save(info, runtime, "RUNNING", null, null, null, null);
            ExecutionResult result = run(machine, input, info, runtime, frame);
            synchronized (self) {
                if (runtime.stop().requested() && result.status() != ExecutionStatus.ABORTED) {
                    // stopped between the last state and here: the stop was accepted and saved, it stands
                    result = aborted(info, runtime);
                }
                self.ended = true;
                save(info, runtime, result.status().name(), services.time().now(), result.output(), result.error(),
                        result.cause());
            }
            return result;
        } finally {
            running.remove(info.executionArn());
        }
    }

    private ExecutionResult run(StateMachine machine, JsonNode input, ExecutionInfo info, ExecutionRuntime runtime,
                                Frame frame) {
        try {
            PayloadLimit.check(input, "input");
            JsonNode output = Interpreter.run(machine.definition(), input, frame);
            if (runtime.stop().requested()) {
                return aborted(info, runtime);
            }
            frame.event("ExecutionSucceeded", EventDetails.payload("output", output));
            return result(info, runtime, ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (RuntimeException e) {
            if (runtime.stop().requested()) {
                // whatever the stop made the running work throw: the execution was aborted
                return aborted(info, runtime);
            }
            if (e instanceof FailureException f) {
                frame.event("ExecutionFailed", EventDetails.failure(f.error(), f.cause()));
                return result(info, runtime, ExecutionStatus.FAILED, null, f.error(), f.cause());
            }
            if (e instanceof ExecutionTimedOut) {
                frame.event("ExecutionTimedOut", EventDetails.failure(StatesErrorName.TIMEOUT.code(), null));
                return result(info, runtime, ExecutionStatus.TIMED_OUT, null, StatesErrorName.TIMEOUT.code(), null);
            }
            // an engine defect or an unsupported construct found at run time: the execution fails and says why
            String cause = "The local engine could not continue: " + e;
            frame.event("ExecutionFailed", EventDetails.failure(StatesErrorName.RUNTIME.code(), cause));
            return result(info, runtime, ExecutionStatus.FAILED, null, StatesErrorName.RUNTIME.code(), cause);
        }
    }

    /**
     * Stops a running execution, as StopExecution does: it ends ABORTED with an ExecutionAborted event
     * carrying {@code error} and {@code cause} (both optional), saved at once; no state starts after it, no
     * retry or Catch runs, and the threads working for it are interrupted. {@link #execute} then returns
     * the ABORTED result.
     *
     * @return false when no execution with this ARN is running in this engine (it ended, or never ran here)
     */
    public boolean stop(String executionArn, String error, String cause) {
        Running r = running.get(executionArn);
        if (r == null) {
            return false;
        }
        synchronized (r) {
            if (r.ended) {
                return false;
            }
            if (r.runtime.stop().requested()) {
                return true;
            }
            r.runtime.history().close("ExecutionAborted", EventDetails.failure(error, cause));
            save(r.info, r.runtime, ExecutionStatus.ABORTED.name(), services.time().now(), null, error, cause);
            r.runtime.stop().request(error, cause);
        }
        return true;
    }

    private ExecutionResult aborted(ExecutionInfo info, ExecutionRuntime runtime) {
        StopSignal.Reason reason = runtime.stop().reason();
        return result(info, runtime, ExecutionStatus.ABORTED, null, reason.error(), reason.cause());
    }

    private void save(ExecutionInfo info, ExecutionRuntime runtime, String status, java.time.Instant stop,
                      JsonNode output, String error, String cause) {
        if (store != null) {
            store.save(new ExecutionRecord(info.executionArn(), info.executionName(), info.stateMachineArn(), status,
                    Timestamps.format(info.startTime()), stop == null ? null : Timestamps.format(stop), info.input(),
                    output, error, cause, runtime.history().events(), runtime.mapRuns()));
        }
    }

    private static ExecutionResult result(ExecutionInfo info, ExecutionRuntime runtime, ExecutionStatus status,
                                          JsonNode output, String error, String cause) {
        List<HistoryEvent> events = runtime.history().events();
        return new ExecutionResult(info.executionArn(), status, output, error, cause, events, runtime.mapRuns());
    }

    /** Configures injected services; everything has a production default except the object store and the executor. */
    public static final class Builder {
        private TimeSource time = new SystemTimeSource();
        private RandomGenerator random = RandomGenerator.getDefault();
        private ExecutorService executor;
        private ObjectStore objects;
        private ExecutionStore store;
        private MessageQueue queue;
        private String region = DEFAULT_REGION;
        private String account = DEFAULT_ACCOUNT;
        private final List<TaskResource> extra = new ArrayList<>();

        private Builder() {}

        public Builder time(TimeSource time) {
            this.time = time;
            return this;
        }

        public Builder random(RandomGenerator random) {
            this.random = random;
            return this;
        }

        /** Map iterations and Parallel branches run here; null runs them on the calling thread. */
        public Builder executor(ExecutorService executor) {
            this.executor = executor;
            return this;
        }

        /** Where ItemReader reads and ResultWriter writes; without one, a Map that needs S3 fails saying so. */
        public Builder objectStore(ObjectStore objects) {
            this.objects = objects;
            return this;
        }

        public Builder store(ExecutionStore store) {
            this.store = store;
            return this;
        }

        public Builder queue(MessageQueue queue) {
            this.queue = queue;
            return this;
        }

        public Builder lambdaRegion(String region, String account) {
            this.region = region;
            this.account = account;
            return this;
        }

        public Builder resource(TaskResource resource) {
            extra.add(resource);
            return this;
        }

        public AslEngine build() {
            RandomGenerator rnd = random;
            Supplier<String> uuids = () -> uuid(rnd);
            IntrinsicFunctions intrinsics = new IntrinsicFunctions(rnd);
            LambdaFunctions lambdas = new LambdaFunctions(region, account);
            LambdaInvoker invoker = new LambdaInvoker(lambdas, time, uuids);
            TaskResources resources = new TaskResources();
            extra.forEach(resources::register);
            resources.register(new LambdaInvokeIntegration(invoker, uuids));
            resources.register(new LambdaFunctionResource(invoker, uuids));
            if (queue != null) {
                resources.register(new SqsSendMessageIntegration(queue));
            }
            EngineServices services = new EngineServices(time, rnd, executor, resources, objects, intrinsics,
                    new JsonataEvaluator(intrinsics, rnd), uuids);
            return new AslEngine(services, lambdas, store);
        }

        private static String uuid(RandomGenerator random) {
            synchronized (random) {
                long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
                long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
                return new java.util.UUID(msb, lsb).toString();
            }
        }
    }
}
