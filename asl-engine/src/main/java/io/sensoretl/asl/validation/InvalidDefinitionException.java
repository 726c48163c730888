package io.sensoretl.asl.validation;

import java.util.List;
import java.util.stream.Collectors;

/** A definition failed validation; all problems are reported together. */
public final class InvalidDefinitionException extends RuntimeException {
    private final List<Problem> problems;

    public InvalidDefinitionException(List<Problem> problems) {
        super("invalid state machine definition (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s")
                + "):\n" + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
