package io.sensoretl.asl.validation;

/** One validation problem, located by the JSON pointer of its culprit. */
public record Problem(String pointer, String message) {
    @Override
    public String toString() {
        return pointer + ": " + message;
    }
}
