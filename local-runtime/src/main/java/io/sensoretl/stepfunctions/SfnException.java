package io.sensoretl.stepfunctions;

/**
 * An error the Step Functions API answers with: AWS's error code ({@code __type}), HTTP status and message.
 * The SDKs and the CLI turn the code into their exception (SfnClient: {@code ExecutionDoesNotExistException}, ...).
 */
public final class SfnException extends RuntimeException {
    private final String type;
    private final int status;
    private final String resourceName;

    public SfnException(String type, int status, String message) {
        this(type, status, message, null);
    }

    private SfnException(String type, int status, String message, String resourceName) {
        super(message);
        this.type = type;
        this.status = status;
        this.resourceName = resourceName;
    }

    /** ResourceNotFound, with the {@code resourceName} field AWS adds (the SDK's {@code resourceName()}). */
    public static SfnException resourceNotFound(String resource) {
        return new SfnException("ResourceNotFound", 400, "Resource Not Found: '" + resource + "'", resource);
    }

    /** A client error (HTTP 400), the status of almost every Step Functions error. */
    public static SfnException of(String type, String message) {
        return new SfnException(type, 400, message);
    }

    /** A required field is missing or malformed. */
    public static SfnException validation(String message) {
        return of("ValidationException", message);
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    /** The resource a ResourceNotFound names, else null. */
    public String resourceName() {
        return resourceName;
    }
}
