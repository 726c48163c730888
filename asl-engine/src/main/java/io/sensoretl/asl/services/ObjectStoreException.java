package io.sensoretl.asl.services;

/** An {@link ObjectStore} request failed; the message is the service's own. */
public class ObjectStoreException extends RuntimeException {
    public ObjectStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ObjectStoreException(String message) {
        super(message);
    }
}
