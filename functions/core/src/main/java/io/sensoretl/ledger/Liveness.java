package io.sensoretl.ledger;

import java.util.Objects;

/**
 * What {@link ExecutionLiveness} found out about an execution.
 *
 * @param detail for people: where and since when it runs, or how it ended (e.g. "ABORTED at 2024-03-01T10:00:00Z",
 *               "its process (pid 4242 on host a) is gone")
 */
public record Liveness(State state, String detail) {
    public enum State {
        RUNNING,
        /** Known to run no more: whatever it holds may be taken over. */
        ENDED,
        /** Cannot tell: treated as running. */
        UNKNOWN
    }

    public Liveness {
        Objects.requireNonNull(state, "state");
    }

    public static Liveness running(String detail) {
        return new Liveness(State.RUNNING, detail);
    }

    public static Liveness ended(String detail) {
        return new Liveness(State.ENDED, detail);
    }

    public static Liveness unknown(String detail) {
        return new Liveness(State.UNKNOWN, detail);
    }

    public boolean ended() {
        return state == State.ENDED;
    }
}
