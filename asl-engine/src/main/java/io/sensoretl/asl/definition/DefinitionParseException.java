package io.sensoretl.asl.definition;

/** A field of a validated definition could not be parsed (e.g. a path the validator does not look at). */
public final class DefinitionParseException extends IllegalArgumentException {
    private final String pointer;

    public DefinitionParseException(String pointer, String message, Throwable cause) {
        super(message, cause);
        this.pointer = pointer;
    }

    /** The JSON pointer of the state whose fields failed to parse. */
    public String pointer() {
        return pointer;
    }
}
