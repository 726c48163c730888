package io.sensoretl.asl.errors;

/** A SendTaskSuccess, SendTaskFailure or SendTaskHeartbeat that cannot be delivered, and why (AWS's error codes). */
public final class TaskTokenException extends RuntimeException {
    /** Why the token was refused. */
    public enum Reason {
        /** Not a task token at all (InvalidToken). */
        INVALID("InvalidToken"),
        /** A well-formed token no waiting task ever had (TaskDoesNotExist). */
        DOES_NOT_EXIST("TaskDoesNotExist"),
        /** The task is no longer waiting: it was answered, timed out, or its execution ended (TaskTimedOut). */
        TIMED_OUT("TaskTimedOut");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /** The Step Functions API's error code. */
        public String code() {
            return code;
        }
    }

    private final Reason reason;

    public TaskTokenException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
