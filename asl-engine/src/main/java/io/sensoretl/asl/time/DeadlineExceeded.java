package io.sensoretl.asl.time;

/** A sleep ran into the deadline of the task this thread is executing (TimeoutSeconds). */
public final class DeadlineExceeded extends RuntimeException {
    public DeadlineExceeded() {
        super("task deadline exceeded");
    }
}
