package io.sensoretl.asl.definition;

/** InputPath/OutputPath: absent means "$", an explicit null means an empty object. */
public record PathSpec(String path, boolean isNull) {
    public static final PathSpec ROOT = new PathSpec("$", false);
    public static final PathSpec NULL = new PathSpec(null, true);
}
