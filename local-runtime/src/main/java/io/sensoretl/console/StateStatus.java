package io.sensoretl.console;

import java.util.Locale;

/** What happened to a state of an execution, as the graph colours it; declared from least to most telling. */
enum StateStatus {
    NOT_REACHED, SUCCEEDED, ABORTED, CAUGHT, FAILED, RUNNING;

    /** The CSS class that colours it. */
    String css() {
        return "st-" + name().toLowerCase(Locale.ROOT);
    }

    /** Of two outcomes of the same state (loops, Map iterations), the one to show. */
    StateStatus strongest(StateStatus other) {
        return other == null || ordinal() >= other.ordinal() ? this : other;
    }
}
