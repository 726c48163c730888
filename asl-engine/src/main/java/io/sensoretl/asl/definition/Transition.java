package io.sensoretl.asl.definition;

/** Where a state goes next: a state name, or the end of its machine/branch. */
public record Transition(String next, boolean end) {
    public static final Transition END = new Transition(null, true);
}
