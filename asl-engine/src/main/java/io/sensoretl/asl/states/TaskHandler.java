package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import io.sensoretl.asl.task.TaskResources;
import io.sensoretl.asl.time.DeadlineExceeded;
import io.sensoretl.asl.time.Deadlines;
import java.time.Instant;

/** Task: invokes its resource under TimeoutSeconds, Retry and Catch, recording the task events. */
final class TaskHandler implements StateHandler<TaskState> {
    @Override
    public Outcome run(TaskState state, JsonNode raw, StateEnv env) {
        return ErrorHandlingRunner.run(state.errorHandling(), env, () -> attempt(state, raw, env),
                (catcher, failure) -> CatchOutcome.of(state, catcher, failure, raw, env));
    }

    private Outcome attempt(TaskState state, JsonNode raw, StateEnv env) {
        if (state.credentials()) {
            throw env.runtimeError(StatesErrorName.RUNTIME, "The field 'Credentials' (cross-account role) is not "
                    + "supported by the local engine: in-process resources run with the caller's identity.");
        }
        JsonNode parameters = ResultFlow.effectiveInput(state, state.parameters(), raw, env);
        TaskResource resource = env.services().resources().find(state.resource()).orElse(null);
        StateValues values = StateValues.of(env, raw, raw);
        Long timeout = state.timeoutSeconds().resolve(values);
        // evaluated so a bad value or path fails as on AWS; in-process functions cannot send heartbeats, so it never fires
        Long heartbeat = state.heartbeatSeconds().resolve(values);
        Instant deadline = timeout == null ? null : env.services().time().now().plusSeconds(timeout);
        Instant executionDeadline = env.frame().runtime().deadline();
        boolean executionBound = executionDeadline != null && (deadline == null || executionDeadline.isBefore(deadline));
        if (executionBound) {
            deadline = executionDeadline;
        }
        boolean lambda = resource != null && resource.recordsAsLambdaFunction(state.resource());
        String family = lambda ? "LambdaFunction" : "Task";
        ObjectNode scheduled = EventDetails.resource(state.resource());
        if (lambda) {
            scheduled.setAll(EventDetails.payload("input", parameters));
        } else {
            scheduled.put("region", env.frame().runtime().info().region());
            scheduled.put("parameters", Json.write(parameters));
        }
        if (timeout != null) {
            scheduled.put("timeoutInSeconds", timeout);
        }
        if (heartbeat != null) {
            scheduled.put("heartbeatInSeconds", heartbeat);
        }
        env.frame().event(family + "Scheduled", scheduled);
        if (resource == null) {
            // AWS schedules the task and then fails it; the cause says how to run the state locally anyway
            FailureException unsupported = env.runtimeError(StatesErrorName.RUNTIME,
                    TaskResources.unsupported(state.resource(), state.name()));
            env.frame().event("TaskFailed", details(false, state.resource(),
                    EventDetails.failure(unsupported.error(), unsupported.cause())));
            throw unsupported;
        }
        env.frame().event(family + "Started", lambda ? null : EventDetails.resource(state.resource()));
        JsonNode result;
        try {
            TaskRequest request = new TaskRequest(state.resource(), parameters, state.name(), deadline,
                    env.frame().runtime().info().executionArn());
            Instant bound = deadline;
            result = Deadlines.withDeadline(bound, () -> resource.invoke(request));
        } catch (DeadlineExceeded e) {
            if (executionBound) {
                throw new io.sensoretl.asl.runtime.ExecutionTimedOut();
            }
            env.frame().event(family + "TimedOut", details(lambda, state.resource(),
                    EventDetails.failure(StatesErrorName.TIMEOUT.code(), null)));
            throw new FailureException(StatesErrorName.TIMEOUT, null);
        } catch (FailureException e) {
            env.frame().event(family + "Failed", details(lambda, state.resource(), EventDetails.failure(e.error(), e.cause())));
            throw e;
        }
        env.frame().event(family + "Succeeded", details(lambda, state.resource(), EventDetails.payload("output", result)));
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
    }

    private static ObjectNode details(boolean lambda, String resource, ObjectNode specific) {
        if (lambda) {
            return specific;
        }
        ObjectNode o = EventDetails.resource(resource);
        o.setAll(specific);
        return o;
    }
}
