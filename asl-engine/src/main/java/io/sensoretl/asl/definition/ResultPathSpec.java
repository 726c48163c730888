package io.sensoretl.asl.definition;

/** ResultPath: absent means "$" (the result replaces the input), an explicit null discards the result. */
public record ResultPathSpec(String path, boolean discard) {
    public static final ResultPathSpec ROOT = new ResultPathSpec("$", false);
    public static final ResultPathSpec DISCARD = new ResultPathSpec(null, true);
}
