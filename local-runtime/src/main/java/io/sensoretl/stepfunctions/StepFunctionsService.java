package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.Execution;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.StateMachine;
import io.sensoretl.asl.engine.StateMachineType;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.history.HistoryEvent;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.TaskMocks;
import io.sensoretl.asl.validation.DefinitionValidator;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.asl.validation.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Step Functions API on the local engine: each action takes the request's JSON and answers AWS's response JSON
 * or throws {@link SfnException} with AWS's error code. State machines and executions are kept under the data dir
 * ({@code state-machines/}, {@code executions/<machine>/<execution>/}) and survive a restart; executions a previous
 * process left RUNNING are recorded ABORTED when the service starts (they can be seen, not continued).
 */
public final class StepFunctionsService {
    /** The actions this service answers, as `states serve --help` lists them (a constant, for its annotation). */
    public static final String ACTION_LIST = "CreateStateMachine, DescribeStateMachine, ListStateMachines, "
            + "UpdateStateMachine, DeleteStateMachine, ValidateStateMachineDefinition, StartExecution, "
            + "StartSyncExecution, DescribeExecution, ListExecutions, GetExecutionHistory, StopExecution, "
            + "DescribeStateMachineForExecution, RedriveExecution, SendTaskSuccess, SendTaskFailure, "
            + "SendTaskHeartbeat, DescribeMapRun, ListMapRuns, TestState";
    /** The actions this service answers; any other is refused naming it. */
    public static final Set<String> ACTIONS = Set.of(ACTION_LIST.split(", "));

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Set<String> STATUSES = Set.of("RUNNING", "SUCCEEDED", "FAILED", "TIMED_OUT", "ABORTED",
            "PENDING_REDRIVE");
    private static final Set<String> REDRIVE_FILTERS = Set.of("REDRIVEN", "NOT_REDRIVEN");

    private final Path root;
    private final Arns arns;
    private final Clock clock;
    private final StateMachineRegistry machines;
    private final MockConfig mocks;
    private final EngineFactory engines;
    /** states:startExecution(.sync) of this service's state machines, for the engines' Task states. */
    private final NestedExecutions nested = new NestedExecutions(this::startNested);
    private final Map<String, AslEngine> engineByMachine = new ConcurrentHashMap<>();
    private final Map<String, Execution> live = new ConcurrentHashMap<>();
    private final Map<String, Function<JsonNode, JsonNode>> actions = new java.util.HashMap<>();
    private AslEngine testEngine;
    /** State machines shown but run elsewhere, by name (serve's pipeline). */
    private final Map<String, StoredStateMachine> pinned = new ConcurrentHashMap<>();
    private final Map<String, PinnedStateMachine> pinnedBy = new ConcurrentHashMap<>();

    /**
     * @param root    the service's directory (state-machines/, executions/)
     * @param engines builds the engine that runs one state machine's executions into the given store, with the
     *                service's states:startExecution integration among its task resources
     * @param mocks   the MockConfigFile, or null
     */
    public StepFunctionsService(Path root, String region, String account, Clock clock,
                                EngineFactory engines, MockConfig mocks) {
        this.root = root;
        this.arns = new Arns("aws", region, account);
        this.clock = clock;
        this.machines = new StateMachineRegistry(root.resolve("state-machines"));
        this.engines = engines;
        this.mocks = mocks;
        actions.put("CreateStateMachine", this::createStateMachine);
        actions.put("DescribeStateMachine", this::describeStateMachine);
        actions.put("ListStateMachines", this::listStateMachines);
        actions.put("UpdateStateMachine", this::updateStateMachine);
        actions.put("DeleteStateMachine", this::deleteStateMachine);
        actions.put("ValidateStateMachineDefinition", this::validateDefinition);
        actions.put("StartExecution", this::startExecution);
        actions.put("StartSyncExecution", this::startSyncExecution);
        actions.put("DescribeExecution", this::describeExecution);
        actions.put("ListExecutions", this::listExecutions);
        actions.put("GetExecutionHistory", this::getExecutionHistory);
        actions.put("StopExecution", this::stopExecution);
        actions.put("DescribeStateMachineForExecution", this::describeStateMachineForExecution);
        actions.put("RedriveExecution", this::redriveExecution);
        actions.put("SendTaskSuccess", r -> sendTask(r, (engine, token) -> {
            JsonNode output;
            try {
                output = Json.parse(required(r, "output"));
            } catch (IllegalArgumentException e) {
                throw SfnException.of("InvalidOutput", "Invalid Output: '" + e.getMessage() + "'");
            }
            engine.sendTaskSuccess(token, output);
        }));
        actions.put("SendTaskFailure", r -> sendTask(r, (engine, token) -> engine.sendTaskFailure(token,
                r.hasNonNull("error") ? r.get("error").asText() : null, r.hasNonNull("cause") ? r.get("cause").asText() : null)));
        actions.put("SendTaskHeartbeat", r -> sendTask(r, AslEngine::sendTaskHeartbeat));
        actions.put("DescribeMapRun", this::describeMapRun);
        actions.put("ListMapRuns", this::listMapRuns);
        TestStateAction testState = new TestStateAction(this::testEngine);
        actions.put("TestState", testState::call);
        if (!actions.keySet().equals(ACTIONS)) {
            throw new IllegalStateException("ACTION_LIST and the handlers differ: " + ACTIONS + " vs " + actions.keySet());
        }
        closeOrphans();
    }

    /** Answers one action. @throws SfnException as AWS would answer, also for an action not supported here */
    public JsonNode call(String action, JsonNode request) {
        Function<JsonNode, JsonNode> handler = actions.get(action);
        if (handler == null) {
            throw new SfnException("UnknownOperationException", 400, "The local Step Functions service does not support "
                    + "the action " + action + "; it supports " + new java.util.TreeSet<>(ACTIONS));
        }
        if (request == null || !request.isObject()) {
            throw SfnException.of("SerializationException", "The request body of " + action + " must be a JSON object");
        }
        return handler.apply(request);
    }

    /**
     * Shows a state machine run elsewhere under its ARN, with the executions its runner records (see
     * {@link PinnedStateMachine}); it hides a state machine of the same name created through the API.
     */
    public String pin(PinnedStateMachine m) {
        if (!NAME.matcher(m.name()).matches()) {
            throw new IllegalArgumentException("not a state machine name: '" + m.name() + "'");
        }
        load(m.definition());
        StoredStateMachine view = new StoredStateMachine(arns.stateMachine(m.name()), m.name(), m.definition(),
                m.roleArn(), "STANDARD", clock.instant(), null, UUID.randomUUID().toString());
        pinnedBy.put(m.name(), m);
        pinned.put(m.name(), view);
        return view.arn();
    }

    /** Refuses what a pinned state machine does not take here, saying what to do instead. */
    private void refusePinned(String machine, String what) {
        PinnedStateMachine m = pinnedBy.get(machine);
        if (m != null) {
            throw validation(what + " is not served for " + arns.stateMachine(machine) + ": its executions are run "
                    + "outside this API. " + m.howToRun());
        }
    }

    // ---- state machines

    private JsonNode createStateMachine(JsonNode r) {
        String name = name(r, "name");
        String definition = required(r, "definition");
        String role = required(r, "roleArn");
        String type = type(r);
        unsupported(r, "publish", "versions", v -> v.asBoolean());
        load(definition);
        if (pinned.containsKey(name)) {
            throw SfnException.of("StateMachineAlreadyExists", "State Machine Already Exists: '" + arns.stateMachine(name)
                    + "' (" + pinnedBy.get(name).howToRun() + ")");
        }
        synchronized (machines) {
            StoredStateMachine existing = machines.find(name).orElse(null);
            if (existing != null) {
                if (existing.definition().equals(definition) && existing.roleArn().equals(role)
                        && existing.type().equals(type)) {
                    return Json.object().put("stateMachineArn", existing.arn())
                            .put("creationDate", epoch(existing.creationDate()));
                }
                throw SfnException.of("StateMachineAlreadyExists", "State Machine Already Exists: '" + existing.arn() + "'");
            }
            StoredStateMachine m = new StoredStateMachine(arns.stateMachine(name), name, definition, role, type,
                    clock.instant(), null, UUID.randomUUID().toString());
            machines.save(m);
            return Json.object().put("stateMachineArn", m.arn()).put("creationDate", epoch(m.creationDate()));
        }
    }

    private JsonNode describeStateMachine(JsonNode r) {
        StoredStateMachine m = machine(required(r, "stateMachineArn"), "stateMachineArn");
        ObjectNode o = Json.object();
        o.put("stateMachineArn", m.arn());
        o.put("name", m.name());
        o.put("status", "ACTIVE");
        o.put("definition", m.definition());
        o.put("roleArn", m.roleArn());
        o.put("type", m.type());
        o.put("creationDate", epoch(m.creationDate()));
        o.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        o.putObject("tracingConfiguration").put("enabled", false);
        o.put("revisionId", m.revisionId());
        return o;
    }

    private JsonNode listStateMachines(JsonNode r) {
        List<StoredStateMachine> all = new ArrayList<>(pinned.values());
        all.sort(Comparator.comparing(StoredStateMachine::name));
        machines.list().stream().filter(m -> !pinned.containsKey(m.name())).forEach(all::add);
        Page page = Page.of(r, all.size());
        ArrayNode out = Json.array();
        for (StoredStateMachine m : all.subList(page.from(), page.to())) {
            out.addObject().put("stateMachineArn", m.arn()).put("name", m.name()).put("type", m.type())
                    .put("creationDate", epoch(m.creationDate()));
        }
        ObjectNode o = Json.object();
        o.set("stateMachines", out);
        page.next(o);
        return o;
    }

    private JsonNode updateStateMachine(JsonNode r) {
        String arn = required(r, "stateMachineArn");
        unsupported(r, "publish", "versions", v -> v.asBoolean());
        refusePinned(Arns.stateMachineName(arn, "stateMachineArn")[0], "UpdateStateMachine");
        synchronized (machines) {
            StoredStateMachine m = machine(arn, "stateMachineArn");
            String definition = r.hasNonNull("definition") ? r.get("definition").asText() : m.definition();
            String role = r.hasNonNull("roleArn") ? r.get("roleArn").asText() : m.roleArn();
            if (!r.hasNonNull("definition") && !r.hasNonNull("roleArn") && !r.has("loggingConfiguration")
                    && !r.has("tracingConfiguration")) {
                throw from("MissingRequiredParameter", "Either the definition, the roleArn, the loggingConfiguration "
                        + "or the tracingConfiguration must be specified");
            }
            load(definition);
            StoredStateMachine updated = new StoredStateMachine(m.arn(), m.name(), definition, role, m.type(),
                    m.creationDate(), clock.instant(), UUID.randomUUID().toString());
            machines.save(updated);
            return Json.object().put("updateDate", epoch(updated.updateDate())).put("revisionId", updated.revisionId());
        }
    }

    private JsonNode deleteStateMachine(JsonNode r) {
        String arn = required(r, "stateMachineArn");
        String name = Arns.stateMachineName(arn, "stateMachineArn")[0];
        refusePinned(name, "DeleteStateMachine");
        // as on AWS: deleting one that does not exist succeeds; its executions stay readable by ARN
        machines.delete(name);
        engineByMachine.remove(name);
        return Json.object();
    }

    private JsonNode validateDefinition(JsonNode r) {
        String text = required(r, "definition");
        ArrayNode diagnostics = Json.array();
        JsonNode document = null;
        try {
            document = Json.parse(text);
        } catch (IllegalArgumentException e) {
            diagnostics.addObject().put("severity", "ERROR").put("code", "INVALID_JSON_DESCRIPTION")
                    .put("message", e.getMessage());
        }
        if (document != null) {
            List<Problem> problems;
            try {
                AslEngine.load(document);
                problems = List.of();
            } catch (InvalidDefinitionException e) {
                problems = e.problems();
            }
            for (Problem p : problems) {
                diagnostics.addObject().put("severity", "ERROR").put("code", "SCHEMA_VALIDATION_FAILED")
                        .put("message", p.message()).put("location", p.pointer().isEmpty() ? "/" : p.pointer());
            }
        }
        int max = r.path("maxResults").asInt(0);
        boolean truncated = max > 0 && diagnostics.size() > max;
        while (truncated && diagnostics.size() > max) {
            diagnostics.remove(diagnostics.size() - 1);
        }
        ObjectNode o = Json.object();
        o.put("result", diagnostics.isEmpty() ? "OK" : "FAIL");
        o.set("diagnostics", diagnostics);
        o.put("truncated", truncated);
        return o;
    }

    // ---- executions

    private JsonNode startExecution(JsonNode r) {
        PinnedStateMachine runner = pinnedBy.get(Arns.stateMachineName(required(r, "stateMachineArn"), "stateMachineArn")[0]);
        if (runner != null && runner.starter() != null) {
            return startPinned(runner, r);
        }
        Started s = start(r);
        return Json.object().put("executionArn", s.execution().executionArn())
                .put("startDate", epoch(s.execution().record().startDate()));
    }

    private JsonNode startSyncExecution(JsonNode r) {
        StoredStateMachine m = machine(required(r, "stateMachineArn"), "stateMachineArn");
        if (!m.type().equals("EXPRESS")) {
            throw SfnException.of("StateMachineTypeNotSupported",
                    "This operation is not supported by this type of state machine: " + m.arn() + " is STANDARD; "
                            + "StartSyncExecution runs EXPRESS state machines only");
        }
        Started s = start(r);
        ExecutionResult result = s.execution().await();
        ObjectNode o = Json.object();
        o.put("executionArn", result.executionArn());
        o.put("stateMachineArn", m.arn());
        o.put("name", s.name());
        o.put("startDate", epoch(s.startDate()));
        o.put("stopDate", epoch(clock.instant()));
        o.put("status", result.status().name());
        o.put("input", Json.write(s.input()));
        o.putObject("inputDetails").put("included", true);
        if (result.output() != null) {
            o.put("output", Json.write(result.output()));
            o.putObject("outputDetails").put("included", true);
        }
        if (result.error() != null) {
            o.put("error", result.error());
        }
        if (result.cause() != null) {
            o.put("cause", result.cause());
        }
        o.putObject("billingDetails").put("billedMemoryUsedInMB", 64).put("billedDurationInMilliseconds", 100);
        return o;
    }

    private record Started(Execution execution, String name, JsonNode input, Instant startDate) {}

    /** Builds the engine that runs one state machine's executions. */
    @FunctionalInterface
    public interface EngineFactory {
        /**
         * @param store  where its executions are recorded (null: TestState's engine, which records none)
         * @param nested the service's {@code states:startExecution} integration, to register as a task resource
         */
        AslEngine engine(ExecutionStore store, io.sensoretl.asl.services.TaskResource nested);
    }

    /** A Task's states:startExecution: started as StartExecution starts it (refusals answered alike). */
    private Execution startNested(String stateMachineArn, String name, String input) {
        ObjectNode r = Json.object().put("stateMachineArn", stateMachineArn).put("input", input);
        if (name != null) {
            r.put("name", name);
        }
        return start(r).execution();
    }

    /** StartExecution of a pinned state machine whose runner takes starts: the runner runs it and records it. */
    private JsonNode startPinned(PinnedStateMachine runner, JsonNode r) {
        String[] nameAndCase = Arns.stateMachineName(required(r, "stateMachineArn"), "stateMachineArn");
        if (nameAndCase[1] != null) {
            throw validation("The state machine " + arns.stateMachine(runner.name()) + " runs its own tasks: it has no "
                    + "test case '" + nameAndCase[1] + "' of a mock config");
        }
        String name = executionName(r);
        JsonNode input = executionInput(r);
        String executionArn = arns.execution(runner.name(), name);
        synchronized (this) {
            if (runner.store().find(executionArn).isPresent()) {
                throw SfnException.of("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
            }
            try {
                runner.starter().start(name, input);
            } catch (IllegalArgumentException e) {
                throw SfnException.of("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
            }
        }
        ExecutionRecord started = runner.store().find(executionArn).orElseThrow(() -> new IllegalStateException(
                "the runner of " + runner.name() + " reported " + executionArn + " started but did not record it"));
        return Json.object().put("executionArn", executionArn).put("startDate", epoch(started.startDate()));
    }

    /** StartExecution's {@code name}, or a UUID as Step Functions gives one. */
    private static String executionName(JsonNode r) {
        String name = r.hasNonNull("name") ? r.get("name").asText() : UUID.randomUUID().toString();
        if (!NAME.matcher(name).matches()) {
            throw SfnException.of("InvalidName", "Invalid Name: '" + name + "' (1 to 80 characters: letters, digits, "
                    + "'-', '_' and '.')");
        }
        return name;
    }

    /** StartExecution's {@code input} (JSON text; none is {}). */
    private static JsonNode executionInput(JsonNode r) {
        try {
            return Json.parse(r.hasNonNull("input") ? r.get("input").asText() : "{}");
        } catch (IllegalArgumentException e) {
            throw SfnException.of("InvalidExecutionInput", "Invalid State Machine Execution Input: '" + e.getMessage() + "'");
        }
    }

    private Started start(JsonNode r) {
        String arn = required(r, "stateMachineArn");
        String[] nameAndCase = Arns.stateMachineName(arn, "stateMachineArn");
        StoredStateMachine m = machine(arn, "stateMachineArn");
        refusePinned(m.name(), "StartExecution");
        TaskMocks taskMocks = null;
        if (nameAndCase[1] != null) {
            if (mocks == null) {
                throw validation("The state machine ARN names the test case '" + nameAndCase[1]
                        + "' but the service runs without a mock config (--mock-config or SFN_MOCK_CONFIG)");
            }
            taskMocks = mocks.testCase(m.name(), nameAndCase[1]).orElseThrow(() -> validation("The mock config "
                    + mocks.source() + " has no test case '" + nameAndCase[1] + "' for state machine '" + m.name()
                    + "' (it has: " + mocks.testCases(m.name()) + ")"));
        }
        String name = executionName(r);
        JsonNode input = executionInput(r);
        StateMachine definition = load(m.definition());
        StateMachineType type = StateMachineType.valueOf(m.type());
        synchronized (this) {
            String executionArn = arns.execution(m.name(), name);
            if (type == StateMachineType.STANDARD) {
                ExecutionRecord existing = record(executionArn);
                if (existing != null) {
                    if (existing.running() && Json.write(existing.input()).equals(Json.write(input))) {
                        Execution running = live.get(executionArn);
                        if (running != null) {
                            return new Started(running, name, input, Instant.parse(existing.startDate()));
                        }
                    }
                    throw SfnException.of("ExecutionAlreadyExists", "Execution Already Exists: '" + executionArn + "'");
                }
            }
            Instant startDate = clock.instant();
            ExecutionRequest request = new ExecutionRequest(input, name, m.name(), arns.region(), arns.account(),
                    arns.partition(), m.roleArn()).withType(type).withMocks(taskMocks);
            Execution execution = engine(m.name()).start(definition, request);
            if (type == StateMachineType.STANDARD) {
                live.put(execution.executionArn(), execution);
                execution.completion().whenComplete((x, e) -> live.remove(execution.executionArn()));
                writeDefinitionUsed(m, name);
            }
            return new Started(execution, name, input, startDate);
        }
    }

    private JsonNode describeExecution(JsonNode r) {
        String arn = required(r, "executionArn");
        ExecutionRecord e = existing(arn);
        ObjectNode o = Json.object();
        o.put("executionArn", e.executionArn());
        o.put("stateMachineArn", e.stateMachineArn());
        o.put("name", e.name());
        o.put("status", e.status());
        o.put("startDate", epoch(e.startDate()));
        if (e.stopDate() != null) {
            o.put("stopDate", epoch(e.stopDate()));
        }
        o.put("input", Json.write(e.input()));
        o.putObject("inputDetails").put("included", true);
        if (e.output() != null) {
            o.put("output", Json.write(e.output()));
            o.putObject("outputDetails").put("included", true);
        }
        if (e.error() != null) {
            o.put("error", e.error());
        }
        if (e.cause() != null) {
            o.put("cause", e.cause());
        }
        o.put("redriveCount", e.redriveCount());
        if (e.redriveDate() != null) {
            o.put("redriveDate", epoch(e.redriveDate()));
        }
        String machine = Arns.executionName(arn, "executionArn")[0];
        MapRunChild child = machine.contains("/") ? mapRunChild(arn) : null;
        if (child != null) {
            o.put("mapRunArn", child.mapRunArn());
        }
        PinnedStateMachine runner = pinnedBy.get(machine);
        String why = child != null ? child.notRedrivable()
                : runner != null ? "Its executions are run outside this API. " + runner.howToRun()
                : AslEngine.notRedrivable(e, clock.instant());
        if (why == null) {
            o.put("redriveStatus", "REDRIVABLE");
        } else {
            o.put("redriveStatus", "NOT_REDRIVABLE");
            o.put("redriveStatusReason", why);
        }
        return o;
    }

    private JsonNode listExecutions(JsonNode r) {
        String status = enumField(r, "statusFilter", STATUSES);
        String redriven = enumField(r, "redriveFilter", REDRIVE_FILTERS);
        if (r.hasNonNull("mapRunArn")) {
            if (r.hasNonNull("stateMachineArn")) {
                throw validation("Specify either a stateMachineArn or a mapRunArn, not both");
            }
            return listMapRunExecutions(r, status, redriven);
        }
        if (!r.hasNonNull("stateMachineArn")) {
            throw validation("1 validation error detected: Value null at 'stateMachineArn' failed to satisfy "
                    + "constraint: Member must not be null (ListExecutions needs a stateMachineArn or a mapRunArn)");
        }
        StoredStateMachine m = machine(required(r, "stateMachineArn"), "stateMachineArn");
        ExecutionStore store = store(m.name());
        List<ExecutionRecord> all = new ArrayList<>();
        for (String name : store.list()) {
            ExecutionRecord e = record(arns.execution(m.name(), name));
            if (e != null && (status == null || e.status().equals(status))
                    && (redriven == null || redriven.equals("REDRIVEN") == (e.redriveCount() > 0))) {
                all.add(e);
            }
        }
        // newest first, as AWS lists them
        all.sort(Comparator.comparing(ExecutionRecord::startDate).reversed().thenComparing(ExecutionRecord::name));
        Page page = Page.of(r, all.size());
        ArrayNode out = Json.array();
        for (ExecutionRecord e : all.subList(page.from(), page.to())) {
            ObjectNode x = out.addObject();
            x.put("executionArn", e.executionArn());
            x.put("stateMachineArn", e.stateMachineArn());
            x.put("name", e.name());
            x.put("status", e.status());
            x.put("startDate", epoch(e.startDate()));
            if (e.stopDate() != null) {
                x.put("stopDate", epoch(e.stopDate()));
            }
            x.put("redriveCount", e.redriveCount());
            if (e.redriveDate() != null) {
                x.put("redriveDate", epoch(e.redriveDate()));
            }
        }
        ObjectNode o = Json.object();
        o.set("executions", out);
        page.next(o);
        return o;
    }

    /** ListExecutions with a mapRunArn: the Map Run's child executions, newest first. */
    private JsonNode listMapRunExecutions(JsonNode r, String status, String redriven) {
        JsonNode run = existingMapRun(required(r, "mapRunArn"));
        if (!MapRunShapes.hasChildExecutions(run)) {
            throw validation("The Map Run " + run.path("mapRunArn").asText() + " was recorded by an earlier version "
                    + "of sensor-etl, which kept only its failed items (see DescribeMapRun and the console's Map Run "
                    + "page); its child executions cannot be listed");
        }
        List<ObjectNode> all = new ArrayList<>();
        for (ObjectNode child : MapRunShapes.childExecutions(run)) {
            if ((status == null || child.path("status").asText().equals(status))
                    && (redriven == null || redriven.equals("REDRIVEN") == (child.path("redriveCount").asInt() > 0))) {
                all.add(child);
            }
        }
        all.sort(Comparator.comparing((ObjectNode c) -> c.path("startDate").asDouble()).reversed()
                .thenComparing(c -> c.path("name").asText()));
        Page page = Page.of(r, all.size());
        ArrayNode out = Json.array();
        all.subList(page.from(), page.to()).forEach(out::add);
        ObjectNode o = Json.object();
        o.set("executions", out);
        page.next(o);
        return o;
    }

    // ---- map runs

    private JsonNode describeMapRun(JsonNode r) {
        return MapRunShapes.describe(existingMapRun(required(r, "mapRunArn")));
    }

    /** ListMapRuns: the Map Runs an execution started, newest first. */
    private JsonNode listMapRuns(JsonNode r) {
        ExecutionRecord e = existing(required(r, "executionArn"));
        List<JsonNode> runs = new ArrayList<>(e.mapRuns());
        runs.sort(Comparator.comparing((JsonNode run) -> run.path("startDate").asText()).reversed()
                .thenComparing(run -> run.path("mapRunArn").asText()));
        Page page = Page.of(r, runs.size());
        ArrayNode out = Json.array();
        runs.subList(page.from(), page.to()).forEach(run -> out.add(MapRunShapes.listItem(run)));
        ObjectNode o = Json.object();
        o.set("mapRuns", out);
        page.next(o);
        return o;
    }

    private JsonNode existingMapRun(String arn) {
        Arns.mapRun(arn, "mapRunArn");
        return mapRun(arn).orElseThrow(() -> SfnException.resourceNotFound(arn));
    }

    /** The engine TestState runs on: built once, keeping nothing (no execution store). */
    private synchronized AslEngine testEngine() {
        if (testEngine == null) {
            testEngine = engines.engine(null, nested);
        }
        return testEngine;
    }

    private JsonNode getExecutionHistory(JsonNode r) {
        ExecutionRecord e = existing(required(r, "executionArn"));
        boolean reverse = r.path("reverseOrder").asBoolean(false);
        boolean data = !r.has("includeExecutionData") || r.get("includeExecutionData").asBoolean(true);
        List<HistoryEvent> events = new ArrayList<>(e.events());
        if (reverse) {
            java.util.Collections.reverse(events);
        }
        Page page = Page.of(r, events.size());
        ArrayNode out = Json.array();
        for (HistoryEvent event : events.subList(page.from(), page.to())) {
            ObjectNode json = event.toJson();
            json.put("timestamp", epoch(event.timestamp()));
            if (!data) {
                withoutData(json);
            }
            out.add(json);
        }
        ObjectNode o = Json.object();
        o.set("events", out);
        page.next(o);
        return o;
    }

    /** includeExecutionData false: the events keep their shape but not the input and output they carried. */
    private static void withoutData(ObjectNode event) {
        event.properties().forEach(field -> {
            if (field.getValue() instanceof ObjectNode details) {
                details.remove(List.of("input", "output", "inputDetails", "outputDetails"));
            }
        });
    }

    private JsonNode stopExecution(JsonNode r) {
        String arn = required(r, "executionArn");
        String error = r.hasNonNull("error") ? r.get("error").asText() : null;
        String cause = r.hasNonNull("cause") ? r.get("cause").asText() : null;
        Execution execution = live.get(arn);
        if (execution != null) {
            execution.stop(error, cause);
        }
        PinnedStateMachine runner = pinnedBy.get(Arns.executionName(arn, "executionArn")[0]);
        ExecutionRecord e = existing(arn);
        if (e.running() && Arns.executionName(arn, "executionArn")[0].contains("/")) {
            throw validation("The execution " + arn + " is a child of a Map Run: stop its parent execution "
                    + mapRunChild(arn).parentArn() + ", which stops the Map Run and its children");
        }
        if (e.running() && runner != null && runner.stopper().stop(arn, error, cause)) {
            e = existing(arn);
        }
        if (e.running()) {
            refusePinned(Arns.executionName(arn, "executionArn")[0], "StopExecution");
            throw new SfnException("ServiceUnavailable", 500, "The execution " + arn + " is RUNNING but not in this "
                    + "process; it cannot be stopped from here");
        }
        return Json.object().put("stopDate", epoch(e.stopDate()));
    }

    private JsonNode describeStateMachineForExecution(JsonNode r) {
        String arn = required(r, "executionArn");
        existing(arn);
        String[] names = Arns.executionName(arn, "executionArn");
        if (names[0].contains("/")) {
            return describeChildStateMachine(arn, names[0]);
        }
        StoredStateMachine m = definitionUsed(names[0], names[1]);
        ObjectNode o = Json.object();
        o.put("stateMachineArn", m.arn());
        o.put("name", m.name());
        o.put("definition", m.definition());
        o.put("roleArn", m.roleArn());
        o.put("updateDate", epoch(m.updateDate() != null ? m.updateDate() : m.creationDate()));
        o.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        o.putObject("tracingConfiguration").put("enabled", false);
        o.put("revisionId", m.revisionId());
        return o;
    }

    /**
     * DescribeStateMachineForExecution of a Map Run's child: the state machine its children run
     * ({@code <machine>/<label>}), whose definition is the Distributed Map's ItemProcessor in the definition its parent
     * ran, with the Map Run's ARN and the Map state's label.
     */
    private JsonNode describeChildStateMachine(String arn, String childMachine) {
        MapRunChild child = mapRunChild(arn);
        String[] parent = Arns.executionName(child.parentArn(), "executionArn");
        StoredStateMachine m = definitionUsed(parent[0], parent[1]);
        String label = childMachine.substring(childMachine.lastIndexOf('/') + 1);
        JsonNode processor = DistributedProcessors.find(Json.parse(m.definition()), label);
        if (processor == null) {
            throw validation("The definition " + child.parentArn() + " ran has no Distributed Map labelled '" + label
                    + "' (it was updated since?): the definition of " + arn + " cannot be told");
        }
        ObjectNode o = Json.object();
        o.put("stateMachineArn", child.record().stateMachineArn());
        o.put("name", childMachine);
        o.put("definition", Json.write(processor));
        o.put("roleArn", m.roleArn());
        o.put("updateDate", epoch(m.updateDate() != null ? m.updateDate() : m.creationDate()));
        o.putObject("loggingConfiguration").put("level", "OFF").put("includeExecutionData", false);
        o.putObject("tracingConfiguration").put("enabled", false);
        if (child.mapRunArn() != null) {
            o.put("mapRunArn", child.mapRunArn());
        }
        o.put("label", label);
        o.put("revisionId", m.revisionId());
        return o;
    }

    /**
     * RedriveExecution: the execution goes on from the state it did not finish, with the definition it ran (mocks of
     * a #TestCase start are not kept: a redrive runs unmocked).
     */
    private JsonNode redriveExecution(JsonNode r) {
        String arn = required(r, "executionArn");
        synchronized (this) {
            ExecutionRecord record = existing(arn);
            String[] names = Arns.executionName(arn, "executionArn");
            if (names[0].contains("/")) {
                throw SfnException.of("ExecutionNotRedrivable", "Execution is not redrivable: '" + arn + "': "
                        + mapRunChild(arn).notRedrivable());
            }
            refusePinned(names[0], "RedriveExecution");
            StoredStateMachine m = definitionUsed(names[0], names[1]);
            Execution execution;
            try {
                execution = engine(names[0]).redrive(load(m.definition()), record, null);
            } catch (io.sensoretl.asl.errors.ExecutionNotRedrivableException e) {
                throw SfnException.of("ExecutionNotRedrivable", "Execution is not redrivable: '" + arn + "': "
                        + e.getMessage());
            }
            live.put(arn, execution);
            execution.completion().whenComplete((x, e) -> live.remove(arn));
            ExecutionRecord now = execution.record();
            return Json.object().put("redriveDate", epoch(now.redriveDate() != null ? now.redriveDate()
                    : clock.instant().toString()));
        }
    }

    /** SendTask*: the engine that issued the token answers it (each state machine has its engine). */
    private JsonNode sendTask(JsonNode r, java.util.function.BiConsumer<AslEngine, String> send) {
        String token = required(r, "taskToken");
        io.sensoretl.asl.errors.TaskTokenException refused = null;
        for (AslEngine engine : engineByMachine.values()) {
            try {
                send.accept(engine, token);
                return Json.object();
            } catch (io.sensoretl.asl.errors.TaskTokenException e) {
                if (e.reason() == io.sensoretl.asl.errors.TaskTokenException.Reason.TIMED_OUT) {
                    throw SfnException.of(e.reason().code(), e.getMessage());
                }
                refused = e;
            }
        }
        if (refused != null) {
            throw SfnException.of(refused.reason().code(), refused.getMessage());
        }
        throw SfnException.of("TaskDoesNotExist", "Task Does Not Exist: no execution in this process waits for the "
                + "task token '" + token + "'");
    }

    /**
     * A Map Run as its parent execution's record keeps it (DescribeMapRun's fields, dates as ISO-8601 text, and
     * {@code failedItems}), for the console; empty when no execution of this service has it.
     */
    public java.util.Optional<JsonNode> mapRun(String mapRunArn) {
        String[] parts = mapRunArn == null ? new String[0] : mapRunArn.split(":", 7);
        if (parts.length < 7 || !parts[5].equals("mapRun") || !parts[6].contains("/")) {
            return java.util.Optional.empty();
        }
        String machine = parts[6].substring(0, parts[6].indexOf('/'));
        if (!NAME.matcher(machine).matches()) {
            return java.util.Optional.empty();
        }
        for (Execution running : live.values()) {
            java.util.Optional<JsonNode> found = mapRunOf(running.record(), mapRunArn);
            if (found.isPresent()) {
                return found;
            }
        }
        ExecutionStore store = store(machine);
        for (String name : store.list()) {
            java.util.Optional<JsonNode> found = java.util.Optional.ofNullable(record(arns.execution(machine, name)))
                    .flatMap(r -> mapRunOf(r, mapRunArn));
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static java.util.Optional<JsonNode> mapRunOf(ExecutionRecord record, String mapRunArn) {
        return record.mapRuns().stream().filter(r -> r.path("mapRunArn").asText().equals(mapRunArn)).findFirst();
    }

    // ---- helpers

    private StoredStateMachine definitionUsed(String machine, String executionName) {
        Path used = store(machine).directory(executionName).resolve("state-machine.json");
        try {
            return Files.isRegularFile(used) ? StoredStateMachine.fromJson(Json.parse(Files.readString(used)))
                    : machine(arns.stateMachine(machine), "executionArn");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state machine an execution ran, as it was then (DescribeStateMachineForExecution answers with it). */
    private void writeDefinitionUsed(StoredStateMachine m, String executionName) {
        Path dir = store(m.name()).directory(executionName);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("state-machine.json"), Json.pretty(m.toJson()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve("state-machine.json"), e);
        }
    }

    private ExecutionRecord existing(String arn) {
        ExecutionRecord e = record(arn);
        if (e == null) {
            if (Arns.executionName(arn, "executionArn")[0].contains("/")) {
                throw SfnException.of("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "' (no execution "
                        + "of this service started it as a child of a Map Run; the children of an EXPRESS Map Run, and "
                        + "those recorded by an earlier version of sensor-etl, keep no history of their own: "
                        + "ListExecutions with the mapRunArn lists them)");
            }
            throw SfnException.of("ExecutionDoesNotExist", "Execution Does Not Exist: '" + arn + "'");
        }
        return e;
    }

    /** The execution now: from the running execution if this process runs it, else as saved. Null if unknown. */
    private ExecutionRecord record(String arn) {
        Execution running = live.get(arn);
        if (running != null) {
            return running.record();
        }
        String[] names = Arns.executionName(arn, "executionArn");
        if (!arn.equals(arns.execution(names[0], names[1]))) {
            return null;
        }
        if (names[0].contains("/")) {
            MapRunChild child = mapRunChild(arn);
            return child == null ? null : child.record();
        }
        PinnedStateMachine p = pinnedBy.get(names[0]);
        if (p != null) {
            return p.store().find(names[1]).map(p.settle()).orElse(null);
        }
        return store(names[0]).find(names[1]).orElse(null);
    }

    /**
     * A STANDARD Map Run's child execution ({@code ...:execution:<machine>/<label>:<name>}): its own record, which
     * the engine keeps beside its parent's (the parent's {@code children/}), and the parent and Map Run it belongs
     * to; null when no execution of this service started it. A child left RUNNING by a process that is gone is
     * shown ABORTED, as its parent is.
     */
    private MapRunChild mapRunChild(String arn) {
        String[] names = Arns.executionName(arn, "executionArn");
        String machine = names[0].substring(0, names[0].indexOf('/'));
        if (!NAME.matcher(machine).matches()) {
            return null;
        }
        ExecutionStore parents = store(machine);
        for (String parentName : parents.list()) {
            ExecutionRecord child = parents.children(parentName).find(names[1]).orElse(null);
            if (child == null || !child.executionArn().equals(arn)) {
                continue;
            }
            String parentArn = arns.execution(machine, parentName);
            ExecutionRecord parent = record(parentArn);
            if (child.running() && !child.ownerAlive()) {
                child = child.aborted(parent != null && parent.stopDate() != null ? Instant.parse(parent.stopDate())
                        : clock.instant(), null, null);
            }
            String mapRunArn = null;
            for (JsonNode run : parent == null ? List.<JsonNode>of() : parent.mapRuns()) {
                for (JsonNode c : run.path("childExecutions")) {
                    if (c.path("executionArn").asText().equals(arn)) {
                        mapRunArn = run.path("mapRunArn").asText();
                    }
                }
            }
            return new MapRunChild(child, parentArn, mapRunArn);
        }
        return null;
    }

    /** A Map Run's child execution as found: its record, its parent's ARN and its Map Run's (null if not listed). */
    private record MapRunChild(ExecutionRecord record, String parentArn, String mapRunArn) {
        /** As on AWS, a Map Run's children are redriven by redriving the parent, which redrives the Map Run. */
        String notRedrivable() {
            return "it is a child execution of a Map Run; redrive its parent execution " + parentArn + ", which redrives "
                    + "the Map Run's unsuccessful children";
        }
    }

    private StoredStateMachine machine(String arn, String field) {
        String name = Arns.stateMachineName(arn, field)[0];
        StoredStateMachine m = machines.find(name).orElse(null);
        String base = arn.contains("#") ? arn.substring(0, arn.indexOf('#')) : arn;
        if (pinned.containsKey(name)) {
            m = pinned.get(name);
        }
        if (m == null || !m.arn().equals(base)) {
            throw SfnException.of("StateMachineDoesNotExist", "State Machine Does Not Exist: '" + base + "'");
        }
        return m;
    }

    private ExecutionStore store(String machine) {
        PinnedStateMachine p = pinnedBy.get(machine);
        if (p != null) {
            return p.store();
        }
        return new ExecutionStore(root.resolve("executions").resolve(machine));
    }

    private AslEngine engine(String machine) {
        return engineByMachine.computeIfAbsent(machine, n -> engines.engine(store(n), nested));
    }

    /** Executions left RUNNING by a process that is gone cannot go on: they are recorded ABORTED, saying why. */
    private void closeOrphans() {
        for (StoredStateMachine m : machines.list()) {
            ExecutionStore store = store(m.name());
            for (ExecutionRecord orphan : store.orphaned()) {
                store.save(orphan.aborted(clock.instant(), "States.Runtime",
                        "The process that ran this execution ended before it did"));
            }
        }
    }

    private static StateMachine load(String definition) {
        JsonNode document;
        try {
            document = Json.parse(definition);
        } catch (IllegalArgumentException e) {
            throw SfnException.of("InvalidDefinition", "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: "
                    + e.getMessage() + "'");
        }
        try {
            return AslEngine.load(document);
        } catch (InvalidDefinitionException e) {
            throw invalidDefinition(e);
        }
    }

    /** InvalidDefinition, listing every problem with its JSON pointer. */
    static SfnException invalidDefinition(InvalidDefinitionException e) {
        StringBuilder b = new StringBuilder("Invalid State Machine Definition: '");
        for (Problem p : e.problems()) {
            b.append("SCHEMA_VALIDATION_FAILED: ").append(p.message()).append(" at ")
                    .append(p.pointer().isEmpty() ? "/" : p.pointer()).append("; ");
        }
        if (!e.problems().isEmpty()) {
            b.setLength(b.length() - 2);
        }
        return SfnException.of("InvalidDefinition", b.append("'").toString());
    }

    private static String enumField(JsonNode r, String field, Set<String> values) {
        String value = r.hasNonNull(field) ? r.get(field).asText() : null;
        if (value != null && !values.contains(value)) {
            throw validation("1 validation error detected: Value '" + value + "' at '" + field + "' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: " + new java.util.TreeSet<>(values));
        }
        return value;
    }

    private static String type(JsonNode r) {
        String type = r.hasNonNull("type") ? r.get("type").asText() : "STANDARD";
        if (!type.equals("STANDARD") && !type.equals("EXPRESS")) {
            throw validation("1 validation error detected: Value '" + type + "' at 'type' failed to satisfy "
                    + "constraint: Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        return type;
    }

    private static String name(JsonNode r, String field) {
        String name = required(r, field);
        if (!NAME.matcher(name).matches()) {
            throw SfnException.of("InvalidName", "Invalid Name: '" + name + "' (1 to 80 characters: letters, digits, "
                    + "'-', '_' and '.')");
        }
        return name;
    }

    static String required(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v == null || v.isNull()) {
            throw validation("1 validation error detected: Value null at '" + field
                    + "' failed to satisfy constraint: Member must not be null");
        }
        if (!v.isTextual()) {
            throw SfnException.of("SerializationException", "'" + field + "' must be a string, found " + v.getNodeType());
        }
        return v.asText();
    }

    /** A field that turns on something not served locally fails loudly, naming it. */
    private static void unsupported(JsonNode r, String field, String what, java.util.function.Predicate<JsonNode> on) {
        if (r.hasNonNull(field) && on.test(r.get(field))) {
            throw validation("'" + field + "' is not supported by the local Step Functions service (" + what
                    + " are not kept locally); leave it out");
        }
    }

    private static SfnException validation(String message) {
        return SfnException.validation(message);
    }

    private static SfnException from(String type, String message) {
        return SfnException.of(type, message);
    }

    /** AWS's JSON protocol sends timestamps as epoch seconds (with milliseconds). */
    static double epoch(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    static double epoch(String iso) {
        return epoch(Instant.parse(iso));
    }

    /** maxResults / nextToken paging: the token is the index of the next item, opaque to clients. */
    private record Page(int from, int to, int total) {
        static Page of(JsonNode r, int total) {
            int max = r.hasNonNull("maxResults") ? r.get("maxResults").asInt() : 0;
            if (max < 0 || max > 1000) {
                throw validation("1 validation error detected: Value '" + max + "' at 'maxResults' failed to satisfy "
                        + "constraint: Member must have value between 0 and 1000");
            }
            // AWS's default page: 100
            int size = max == 0 ? 100 : max;
            int from = 0;
            if (r.hasNonNull("nextToken")) {
                String token = r.get("nextToken").asText();
                try {
                    from = Integer.parseInt(new String(java.util.Base64.getUrlDecoder().decode(token),
                            java.nio.charset.StandardCharsets.UTF_8).substring("offset:".length()));
                } catch (RuntimeException e) {
                    throw SfnException.of("InvalidToken", "Invalid Token: '" + token + "'");
                }
                if (from < 0 || from > total) {
                    throw SfnException.of("InvalidToken", "Invalid Token: '" + token + "' (the list has changed)");
                }
            }
            return new Page(from, Math.min(total, from + size), total);
        }

        void next(ObjectNode response) {
            if (to < total) {
                response.put("nextToken", java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                        ("offset:" + to).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
    }
}
