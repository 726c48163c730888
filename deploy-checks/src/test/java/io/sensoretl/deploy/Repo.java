package io.sensoretl.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository files the checks read, and small mutations of them for negative tests. */
public final class Repo {
    public static final String DEFINITION_URI = "statemachine/sensor-etl.asl.json";

    private Repo() {}

    public static Path root() {
        return Path.of(System.getProperty("sensoretl.repo.root", "..")).toAbsolutePath().normalize();
    }

    public static String read(String relative) {
        try {
            return Files.readString(root().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String templateText() {
        return read("template.yaml");
    }

    public static Template template() {
        return Template.parse(templateText(), "template.yaml");
    }

    /** template.yaml with {@code from} replaced by {@code to} (which must occur exactly once). */
    public static Template mutated(String from, String to) {
        String text = templateText();
        assertThat(text.indexOf(from)).as("'%s' occurs in template.yaml", from).isNotNegative();
        assertThat(text.indexOf(from, text.indexOf(from) + 1)).as("'%s' occurs once in template.yaml", from).isNegative();
        return Template.parse(text.replace(from, to), "template.yaml (mutated)");
    }

    /** The production state machine definition (part of the repository: its absence fails the check). */
    public static String definition() {
        assertThat(root().resolve(DEFINITION_URI)).as("the state machine definition the template deploys").isRegularFile();
        return read(DEFINITION_URI);
    }

    /**
     * A file of ../shared beside the repository (or of {@code -Dsensoretl.shared=<dir>}, for checkouts
     * such as git worktrees that do not sit beside it); skips the test with a clear message when absent.
     */
    public static Path shared(String relative) {
        String override = System.getProperty("sensoretl.shared");
        Path dir = override != null && !override.isBlank() ? Path.of(override) : root().resolve("..").resolve("shared");
        Path p = dir.resolve(relative).toAbsolutePath().normalize();
        assumeTrue(Files.exists(p), p + " not found (../shared is absent); skipping");
        return p;
    }

    /** A file installed by the build's `npm ci` in tools/node; skips when npm was skipped. */
    public static Path npm(Path relative) {
        Path p = root().resolve(relative);
        assumeTrue(Files.exists(p), p + " not found (run `npm ci` in tools/node, or the build without -Dskip.npm); skipping");
        return p;
    }
}
