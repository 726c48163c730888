package io.sensoretl.chunk;

/**
 * The source object is no longer the version that was planned (its ETag changed): the upload was
 * replaced mid-run. Retrying cannot help, and mixing two versions would be wrong; the replacing
 * upload starts a run of its own.
 */
public final class SourceChangedException extends RuntimeException {
    public SourceChangedException(String message, Throwable cause) {
        super(message, cause);
    }
}
