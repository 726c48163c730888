package io.sensoretl.store;

import java.io.IOException;

/** The object a read named does not exist in the store (S3: NoSuchKey). */
public final class ObjectMissingException extends IOException {
    private final String key;

    public ObjectMissingException(String key, String message, Throwable cause) {
        super(message, cause);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
