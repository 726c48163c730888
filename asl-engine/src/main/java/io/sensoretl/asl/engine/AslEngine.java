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
        Frame frame = new Frame(runtime, Variables.root(), null, 0);
        frame.executionStarted(EventDetails.payload("input", input).put("roleArn", role));
        ExecutionResult result;
        try {
            PayloadLimit.check(input, "input");
            JsonNode output = Interpreter.run(machine.definition(), input, frame);
            frame.event("ExecutionSucceeded", EventDetails.payload("output", output));
            result = result(info, runtime, ExecutionStatus.SUCCEEDED, output, null, null);
        } catch (FailureException e) {
            frame.event("ExecutionFailed", EventDetails.failure(e.error(), e.cause()));
            result = result(info, runtime, ExecutionStatus.FAILED, null, e.error(), e.cause());
        } catch (ExecutionTimedOut e) {
            frame.event("ExecutionTimedOut", EventDetails.failure(StatesErrorName.TIMEOUT.code(), null));
            result = result(info, runtime, ExecutionStatus.TIMED_OUT, null, StatesErrorName.TIMEOUT.code(), null);
        } catch (RuntimeException e) {
            // an engine defect or an unsupported construct found at run time: the execution fails and says why
            String cause = "The local engine could not continue: " + e;
            frame.event("ExecutionFailed", EventDetails.failure(StatesErrorName.RUNTIME.code(), cause));
            result = result(info, runtime, ExecutionStatus.FAILED, null, StatesErrorName.RUNTIME.code(), cause);
        }
        if (store != null) {
            store.save(new ExecutionRecord(result.executionArn(), name, info.stateMachineArn(), result.status().name(),
                    Timestamps.format(info.startTime()), Timestamps.format(services.time().now()), input, result.output(),
                    result.error(), result.cause(), result.history(), result.mapRuns()));
        }
        return result;
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
