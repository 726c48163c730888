package io.sensoretl.chunk;

/**
 * The source object does not exist (S3 answered "no such key"): it may not be visible yet, or it was
 * deleted or is being replaced. The workflow retries this a bounded number of times, then gives up on
 * the chunk (dead-letter queue) or the run.
 */
public final class SourceMissingException extends RuntimeException {
    public SourceMissingException(String message, Throwable cause) {
        super(message, cause);
    }
}
