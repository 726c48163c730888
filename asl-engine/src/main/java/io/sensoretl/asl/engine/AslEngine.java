package io.sensoretl.asl.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.definition.DefinitionParseException;
import io.sensoretl.asl.errors.ExecutionNotRedrivableException;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.intrinsics.IntrinsicFunctions;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.jsonata.JsonataEvaluator;
import io.sensoretl.asl.progress.BranchesProgress;
import io.sensoretl.asl.progress.FrameProgress;
import io.sensoretl.asl.progress.MapRunProgress;
import io.sensoretl.asl.runtime.EngineServices;
import io.sensoretl.asl.runtime.ExecutionControl;
import io.sensoretl.asl.runtime.ExecutionInfo;
import io.sensoretl.asl.runtime.ExecutionRuntime;
import io.sensoretl.asl.runtime.Frame;
import io.sensoretl.asl.runtime.History;
import io.sensoretl.asl.services.LambdaFunctions;
import io.sensoretl.asl.services.MessageQueue;
import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.TaskMocks;
import io.sensoretl.asl.services.TaskResource;
import io.sensoretl.asl.states.MachineParser;
import io.sensoretl.asl.task.LambdaFunctionResource;
import io.sensoretl.asl.task.LambdaInvokeIntegration;
import io.sensoretl.asl.task.LambdaInvoker;
import io.sensoretl.asl.task.S3SdkIntegration;
import io.sensoretl.asl.task.SqsSendMessageIntegration;
import io.sensoretl.asl.task.TaskResources;
import io.sensoretl.asl.task.TaskTokens;
import io.sensoretl.asl.time.SystemTimeSource;
import io.sensoretl.asl.time.TimeSource;
import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.asl.validation.Problem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
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
    private final Executor runner;

    private AslEngine(EngineServices services, LambdaFunctions lambdas, ExecutionStore store, Executor runner) {
        this.services = services;
        this.lambdas = lambdas;
        this.store = store;
        this.runner = runner;
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

    /** Runs an execution to its end on the calling thread. */
    public ExecutionResult execute(StateMachine machine, ExecutionRequest request) {
        ExecutionRun run = prepare(machine, request);
        run.run(run.begin());
        return new Execution(run).await();
    }

    /**
     * StartExecution: records the start, then runs the execution on the engine's runner (see
     * {@link Builder#runner}) and returns at once.
     */
    public Execution start(StateMachine machine, ExecutionRequest request) {
        ExecutionRun run = prepare(machine, request);
        Frame frame = run.begin();
        runner.execute(() -> run.run(frame));
        return new Execution(run);
    }

    private ExecutionRun prepare(StateMachine machine, ExecutionRequest request) {
        StateMachineType type = request.type() == null ? StateMachineType.STANDARD : request.type();
        String smName = request.stateMachineName() != null ? request.stateMachineName() : "local-state-machine";
        String name = request.executionName() != null ? request.executionName() : services.uuids().get();
        String region = request.region() != null ? request.region() : DEFAULT_REGION;
        String account = request.account() != null ? request.account() : DEFAULT_ACCOUNT;
        String partition = request.partition() != null ? request.partition() : "aws";
        String role = request.roleArn() != null ? request.roleArn()
                : "arn:" + partition + ":iam::" + account + ":role/local-step-functions";
        JsonNode input = request.input() == null ? Json.object() : request.input();
        ExecutionInfo info = new ExecutionInfo(partition, region, account, smName, name, role, services.time().now(), input,
                type == StateMachineType.EXPRESS ? services.uuids().get() : null, 0, null);
        Instant deadline = machine.definition().timeoutSeconds() == null ? null
                : info.startTime().plusSeconds(machine.definition().timeoutSeconds());
        return new ExecutionRun(machine, info, checkpoint -> ExecutionRuntime.of(services, info,
                new History(services.time()), List.of(), deadline, new ExecutionControl(), request.mocks(), Map.of(),
                checkpoint), null, store, type, List.of());
    }

    /**
     * RedriveExecution: continues an execution that ended FAILED, TIMED_OUT or ABORTED from the state it did not
     * finish, with the same input, variables and ARN; Parallel branches, Map iterations and Map Run children that
     * succeeded are not run again. Its history goes on (ExecutionRedriven, then the redriven states).
     *
     * @param mocks the mocked responses the execution ran with (mock invocation counts go on), or null
     * @throws ExecutionNotRedrivableException when the record cannot be redriven, saying why
     */
    public Execution redrive(StateMachine machine, ExecutionRecord record, TaskMocks mocks) {
        String why = notRedrivable(record, services.time().now());
        if (why != null) {
            throw new ExecutionNotRedrivableException(why);
        }
        String[] arn = record.executionArn().split(":");
        Instant now = services.time().now();
        String role = record.events().isEmpty() || record.events().get(0).details() == null ? null
                : record.events().get(0).details().path("roleArn").asText(null);
        ExecutionInfo info = new ExecutionInfo(arn[1], arn[3], arn[4], arn[6], record.name(),
                role != null ? role : "arn:" + arn[1] + ":iam::" + arn[4] + ":role/local-step-functions",
                Instant.parse(record.startDate()), record.input(), null, record.redriveCount(), null).redriven(now);
        Instant deadline = machine.definition().timeoutSeconds() == null ? null
                : now.plusSeconds(machine.definition().timeoutSeconds());
        FrameProgress resume = FrameProgress.fromJson(record.checkpoint().path("frame"));
        List<MapRunProgress> mapRuns = new ArrayList<>();
        collectMapRuns(resume, mapRuns);
        ExecutionRun run = new ExecutionRun(machine, info, checkpoint -> ExecutionRuntime.of(services, info,
                new History(services.time(), record.events()), mapRuns, deadline, new ExecutionControl(), mocks,
                ExecutionRun.mockInvocations(record.checkpoint()), checkpoint), resume, store, StateMachineType.STANDARD,
                record.mapRuns());
        Frame frame = run.begin();
        runner.execute(() -> run.run(frame));
        return new Execution(run);
    }

    private static void collectMapRuns(FrameProgress frame, List<MapRunProgress> into) {
        if (frame == null) {
            return;
        }
        if (frame.inner() instanceof MapRunProgress run) {
            into.add(run);
            run.children().forEach(c -> collectMapRuns(c.frame(), into));
        } else if (frame.inner() instanceof BranchesProgress branches) {
            for (int i = 0; i < branches.size(); i++) {
                collectMapRuns(branches.get(i), into);
            }
        }
    }

    /**
     * Why the execution cannot be redriven now, in Step Functions' words; null when it can. Redrivable: a STANDARD
     * execution that ended FAILED, TIMED_OUT or ABORTED less than 14 days ago with fewer than 25,000 events.
     */
    public static String notRedrivable(ExecutionRecord record, Instant now) {
        if ("EXPRESS".equals(record.type())) {
            return "Execution is of an EXPRESS state machine and cannot be redriven";
        }
        String status = record.status();
        if (!status.equals("FAILED") && !status.equals("TIMED_OUT") && !status.equals("ABORTED")) {
            return "Execution is " + status + " and cannot be redriven";
        }
        if (record.stopDate() != null && Instant.parse(record.stopDate()).plus(java.time.Duration.ofDays(14)).isBefore(now)) {
            return "Execution can no longer be redriven: it ended more than 14 days ago";
        }
        if (record.events().size() >= 25_000) {
            return "Execution can no longer be redriven: its history has reached 25,000 events";
        }
        if (record.checkpoint() == null || !record.checkpoint().has("frame")) {
            return "Execution cannot be redriven: it was recorded without a checkpoint (by an older version)";
        }
        return null;
    }

    /** SendTaskSuccess: the callback task waiting on this token succeeds with {@code output}. */
    public void sendTaskSuccess(String taskToken, JsonNode output) {
        services.tokens().success(taskToken, output);
    }

    /** SendTaskFailure: the callback task waiting on this token fails with {@code error} and {@code cause}. */
    public void sendTaskFailure(String taskToken, String error, String cause) {
        services.tokens().failure(taskToken, error, cause);
    }

    /** SendTaskHeartbeat: the callback task waiting on this token is alive; its HeartbeatSeconds start again. */
    public void sendTaskHeartbeat(String taskToken) {
        services.tokens().heartbeat(taskToken);
    }

    /** TestState: runs one state once, without retrying, and reports what happened (see {@link TestStateRequest}). */
    public TestStateResult testState(TestStateRequest request) {
        return StateTests.run(services, request);
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
        private Executor runner = r -> {
            Thread t = new Thread(r, "asl-execution");
            t.setDaemon(true);
            t.start();
        };

        private Builder() {}

        /** Where started and redriven executions run (one task per execution); default: a new daemon thread each. */
        public Builder runner(Executor runner) {
            this.runner = runner;
            return this;
        }

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
            if (objects != null) {
                resources.register(new S3SdkIntegration(objects));
            }
            EngineServices services = new EngineServices(time, rnd, executor, resources, objects, intrinsics,
                    new JsonataEvaluator(intrinsics, rnd), uuids, new TaskTokens(rnd, time));
            return new AslEngine(services, lambdas, store, runner);
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
