package io.sensoretl.asl.task;

import io.sensoretl.asl.services.TaskResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pluggable resources an engine knows; the first one that handles a Resource ARN wins. */
public final class TaskResources {
    private final List<TaskResource> resources = new ArrayList<>();

    public TaskResources register(TaskResource resource) {
        resources.add(resource);
        return this;
    }

    public Optional<TaskResource> find(String resource) {
        return resources.stream().filter(r -> r.handles(resource)).findFirst();
    }

    /** Why a Task cannot run here and how to run it anyway: the state, the resource, what is served, how to mock it. */
    public static String unsupported(String resource, String stateName) {
        return "The resource '" + resource + "' of the state '" + stateName + "' is not served by the local engine "
                + "(it serves Lambda functions bound to handlers, S3 and SQS through the local endpoints, Step Functions "
                + "executions of local state machines, and registered resources). To run this state locally, mock it: "
                + "map '" + stateName + "' to a mocked response in a test case of a MockConfigFile (--mock-config or "
                + "SFN_MOCK_CONFIG) and start the execution with '<state machine ARN>#<test case name>'.";
    }
}
