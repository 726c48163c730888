package io.sensoretl.asl.intrinsics;

/** An intrinsic was called with arguments it cannot work on; the message names the function. */
public final class IntrinsicFailure extends RuntimeException {
    public IntrinsicFailure(String function, String problem) {
        super("The function '" + function + "' " + problem);
    }
}
