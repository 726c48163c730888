package io.sensoretl.asl.services;

/**
 * An {@link ObjectStore} request failed; the message is the service's own, and {@link #errorCode()} its error code
 * where the service gave one (S3's {@code NoSuchKey}, {@code NoSuchBucket}, ...).
 */
public class ObjectStoreException extends RuntimeException {
    private final String errorCode;

    public ObjectStoreException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ObjectStoreException(String message) {
        this(message, null, null);
    }

    /** @param errorCode the service's error code, or null */
    public ObjectStoreException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The service's error code (e.g. {@code NoSuchKey}), or null when it gave none. */
    public String errorCode() {
        return errorCode;
    }
}
