package io.sensoretl.cli;

/** A problem with what the user asked for (bad file, bad option); printed as one line, exit code 2. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }

    public int exitCode() {
        return 2;
    }
}
