package io.sensoretl.cli.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reading user-supplied JSON: files and `--input` values, with one-line errors naming the culprit. */
final class CliFiles {
    static final Path DEFAULT_STORE = Path.of(".sensor-etl", "executions");

    private CliFiles() {}

    static JsonNode readJsonFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(what + " not found: " + file);
        }
        try {
            return Json.parse(Files.readString(file));
        } catch (IOException e) {
            throw new UserError("cannot read " + what + " " + file + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserError(what + " " + file + " is " + e.getMessage());
        }
    }

    /** `--input '{"a":1}'` or `--input @file.json`. */
    static JsonNode input(String value) {
        if (value == null) {
            return Json.object();
        }
        if (value.startsWith("@")) {
            return readJsonFile(Path.of(value.substring(1)), "input file");
        }
        try {
            return Json.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UserError("--input is " + e.getMessage());
        }
    }
}
