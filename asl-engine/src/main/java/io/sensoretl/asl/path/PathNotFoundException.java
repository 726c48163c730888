package io.sensoretl.asl.path;

/** The path named a field or index the document does not have. */
public final class PathNotFoundException extends RuntimeException {
    public PathNotFoundException(String message) {
        super(message);
    }
}
