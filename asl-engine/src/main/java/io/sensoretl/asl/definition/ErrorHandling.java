package io.sensoretl.asl.definition;

import java.util.List;

/** Retry and Catch of a Task, Parallel or Map state. */
public record ErrorHandling(List<Retrier> retry, List<Catcher> catchers) {
    public static final ErrorHandling NONE = new ErrorHandling(List.of(), List.of());
}
