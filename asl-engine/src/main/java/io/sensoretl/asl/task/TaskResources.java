package io.sensoretl.asl.task;

import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
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

    public TaskResource require(String resource) {
        return find(resource).orElseThrow(() -> new FailureException(StatesErrorName.RUNTIME,
                "The resource '" + resource + "' is not supported by this engine (known: Lambda functions, "
                        + "arn:aws:states:::lambda:invoke, arn:aws:states:::sqs:sendMessage and registered resources)."));
    }
}
