package io.sensoretl.contract;

import java.util.List;
import java.util.stream.Collectors;

/** A contract could not be loaded; lists every problem found, each with the path of the bad entry. */
public final class ContractException extends RuntimeException implements InvalidInput {
    private final String source;
    private final List<ContractProblem> problems;

    public ContractException(String source, List<ContractProblem> problems) {
        super(format(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<ContractProblem> problems() {
        return problems;
    }

    private static String format(String source, List<ContractProblem> problems) {
        return "invalid contract " + source + " (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
