package io.sensoretl.asl.states;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.definition.TaskState;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.retry.ErrorHandlingRunner;
import io.sensoretl.asl.runtime.EventDetails;
import io.sensoretl.asl.runtime.ExecutionTimedOut;
import io.sensoretl.asl.runtime.StateEnv;
import io.sensoretl.asl.services.MockedResponse;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import io.sensoretl.asl.task.TaskResources;
import io.sensoretl.asl.task.TaskTokens;
import io.sensoretl.asl.time.DeadlineExceeded;
import io.sensoretl.asl.time.Deadlines;
import java.time.Instant;
import java.util.Optional;

/**
 * Task: invokes its resource (or its mocked response) under TimeoutSeconds, Retry and Catch, recording the task
 * events. A callback task ({@code .waitForTaskToken}) gets a task token ($$.Task.Token), calls its resource, then
 * waits for SendTaskSuccess or SendTaskFailure, failing with States.HeartbeatTimeout when HeartbeatSeconds pass
 * without a SendTaskHeartbeat and with States.Timeout when TimeoutSeconds pass.
 */
final class TaskHandler implements StateHandler<TaskState> {
    static final String CALLBACK = ".waitForTaskToken";

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
        boolean callback = state.resource().endsWith(CALLBACK);
        TaskTokens.Waiting waiting = callback ? env.services().tokens().issue() : null;
        try {
            if (waiting != null) {
                env.taskToken(waiting.token());
            }
            return attempt(state, raw, env, waiting);
        } finally {
            if (waiting != null) {
                waiting.close();
                env.taskToken(null);
            }
        }
    }

    private Outcome attempt(TaskState state, JsonNode raw, StateEnv env, TaskTokens.Waiting waiting) {
        JsonNode parameters = ResultFlow.effectiveInput(state, state.parameters(), raw, env);
        String target = waiting == null ? state.resource()
                : state.resource().substring(0, state.resource().length() - CALLBACK.length());
        Optional<MockedResponse> mock = env.frame().runtime().mockedResponse(state.name());
        TaskResource resource = mock.isPresent() ? null : env.services().resources().find(target).orElse(null);
        StateValues values = StateValues.of(env, raw, raw);
        Long timeout = state.timeoutSeconds().resolve(values);
        Long heartbeat = state.heartbeatSeconds().resolve(values);
        Instant deadline = timeout == null ? null : env.services().time().now().plusSeconds(timeout);
        Instant executionDeadline = env.frame().runtime().deadline();
        boolean executionBound = executionDeadline != null && (deadline == null || executionDeadline.isBefore(deadline));
        if (executionBound) {
            deadline = executionDeadline;
        }
        boolean lambda = resource != null ? resource.recordsAsLambdaFunction(target)
                : mock.isPresent() && target.startsWith("arn:aws:lambda:");
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
        if (heartbeat != null && !lambda) {
            scheduled.put("heartbeatInSeconds", heartbeat);
        }
        env.frame().event(family + "Scheduled", scheduled);
        if (mock.isEmpty() && resource == null) {
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
            if (mock.isPresent()) {
                // a mocked task never calls its resource, nor waits for a callback
                MockedResponse response = mock.get();
                if (response.throwsError()) {
                    throw new FailureException(response.error(), response.cause());
                }
                result = response.result();
            } else {
                TaskRequest request = new TaskRequest(target, parameters, state.name(), deadline,
                        env.frame().runtime().info().executionArn());
                Instant bound = deadline;
                result = Deadlines.withDeadline(bound, () -> resource.invoke(request));
                if (waiting != null) {
                    ObjectNode submitted = EventDetails.resource(state.resource());
                    submitted.setAll(EventDetails.payload("output", result));
                    env.frame().event("TaskSubmitted", submitted);
                    result = Callback.await(waiting, deadline, heartbeat, env);
                }
            }
        } catch (DeadlineExceeded e) {
            if (executionBound) {
                throw new ExecutionTimedOut();
            }
            throw timedOut(family, lambda, state, StatesErrorName.TIMEOUT, env);
        } catch (Callback.HeartbeatMissed e) {
            throw timedOut(family, lambda, state, StatesErrorName.HEARTBEAT_TIMEOUT, env);
        } catch (FailureException e) {
            env.frame().event(family + "Failed", details(lambda, state.resource(), EventDetails.failure(e.error(), e.cause())));
            throw e;
        }
        env.inspect("result", result);
        env.frame().event(family + "Succeeded", details(lambda, state.resource(), EventDetails.payload("output", result)));
        return ResultFlow.complete(state, state.resultSelector(), state.resultPath(), raw, result, env);
    }

    private static FailureException timedOut(String family, boolean lambda, TaskState state, StatesErrorName error,
                                             StateEnv env) {
        env.frame().event(family + "TimedOut", details(lambda, state.resource(), EventDetails.failure(error.code(), null)));
        return new FailureException(error, null);
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
