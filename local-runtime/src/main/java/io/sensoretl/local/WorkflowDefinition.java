package io.sensoretl.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The production state machine, {@code statemachine/sensor-etl.asl.json}, as the build bundles it:
 * the local runtime runs exactly the file AWS runs.
 */
public final class WorkflowDefinition {
    public static final String RESOURCE = "statemachine/sensor-etl.asl.json";
    public static final String STATE_MACHINE_NAME = "sensor-etl";

    private WorkflowDefinition() {}

    public static String text() {
        try (InputStream in = WorkflowDefinition.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath (the build copies statemachine/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
