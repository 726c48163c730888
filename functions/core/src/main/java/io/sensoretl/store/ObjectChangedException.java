package io.sensoretl.store;

import java.io.IOException;

/** A read was conditional on an ETag and the object is no longer that version (S3: 412 Precondition Failed). */
public final class ObjectChangedException extends IOException {
    private final String key;

    public ObjectChangedException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
