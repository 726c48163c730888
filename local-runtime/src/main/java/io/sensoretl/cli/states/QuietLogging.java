package io.sensoretl.cli.states;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Without a logging configuration logback logs DEBUG to stdout, which would corrupt the JSON these
 * commands print; raise the root level to WARN when logback is the binding (reflection keeps it optional).
 */
final class QuietLogging {
    private QuietLogging() {}

    static void apply() {
        Logger root = LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        try {
            Class<?> level = Class.forName("ch.qos.logback.classic.Level");
            Object warn = level.getField("WARN").get(null);
            root.getClass().getMethod("setLevel", level).invoke(root, warn);
        } catch (ReflectiveOperationException | LinkageError notLogback) {
            // another binding: it has its own defaults
        }
    }
}
