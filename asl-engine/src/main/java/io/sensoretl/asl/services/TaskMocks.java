package io.sensoretl.asl.services;

/**
 * Mocked Task results for one execution: the test case of a Step Functions Local {@code MockConfigFile} that the
 * execution was started with. A mocked Task state never calls its resource; it records its events as usual and
 * returns (or throws) the response for its invocation number.
 */
public interface TaskMocks {
    /** Whether the Task state of this name is mocked (by name, wherever it is: branches and iterations included). */
    boolean mocks(String stateName);

    /**
     * The response for one invocation of a mocked state.
     *
     * @param invocation 0 for the first invocation of the state in the execution, counting retries and iterations
     * @throws io.sensoretl.asl.errors.FailureException (States.Runtime) when the mock has no response for it; the
     *         execution then fails, as Step Functions Local fails it
     */
    MockedResponse response(String stateName, int invocation);
}
