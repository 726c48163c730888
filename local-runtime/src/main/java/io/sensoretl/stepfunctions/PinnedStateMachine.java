package io.sensoretl.stepfunctions;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.history.ExecutionRecord;
import io.sensoretl.asl.history.ExecutionStore;
import java.util.function.UnaryOperator;

/**
 * A state machine the service shows but does not run: another runner (serve's pipeline) starts its executions
 * and records them in its own store, which the service reads as it reads its own. Describe, List, history and
 * Map Runs answer as for any state machine; StopExecution asks the runner ({@code stopper}); StartExecution asks the
 * runner too ({@code starter}) where it takes starts; Redrive, Update and Delete are refused, each saying what to do
 * instead ({@code howToRun}).
 *
 * @param name       its name (the ARN is built from the service's region and account)
 * @param definition the definition its executions run, as the runner loaded it (substitutions filled)
 * @param store      where the runner records its executions
 * @param settle     applied to every record read (the runner's view of one left RUNNING by a process that is gone)
 * @param howToRun   how its executions are started, stopped and redriven, for the refusals
 * @param stopper    stops one of its executions if it runs in this process
 * @param starter    starts an execution the API is asked for, or null where StartExecution is refused
 */
public record PinnedStateMachine(String name, String definition, String roleArn, ExecutionStore store,
                                 UnaryOperator<ExecutionRecord> settle, String howToRun, Stopper stopper,
                                 Starter starter) {
    /** Starts executions of the runner's when StartExecution asks. */
    @FunctionalInterface
    public interface Starter {
        /**
         * Starts the execution {@code executionName} with {@code input}, and returns once it is recorded RUNNING in
         * the runner's store (so DescribeExecution finds it, as on AWS).
         *
         * @throws IllegalArgumentException when the runner cannot run this input, saying why (InvalidExecutionInput)
         */
        void start(String executionName, JsonNode input);
    }

    /** Stops a running execution of the runner's. */
    @FunctionalInterface
    public interface Stopper {
        /** @return whether it ran in this process and is stopped now (saved ABORTED with error and cause) */
        boolean stop(String executionArn, String error, String cause);
    }
}
