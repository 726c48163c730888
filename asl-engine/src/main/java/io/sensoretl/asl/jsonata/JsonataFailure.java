package io.sensoretl.asl.jsonata;

/** Evaluation went wrong; the message is the part AWS puts after "The JSONata expression '...' specified for the field '...'". */
public final class JsonataFailure extends RuntimeException {
    public JsonataFailure(String message) {
        super(message);
    }
}
