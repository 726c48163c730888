package io.sensoretl.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A YAML or JSON input of the cost model (prices, assumptions, a benchmark result) with typed,
 * checked access by dotted path: a missing or wrong value fails naming the file and the field.
 */
public final class DataFile {
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final String name;
    private final JsonNode root;

    public DataFile(String name, JsonNode root) {
        this.name = name;
        this.root = root;
    }

    public static DataFile read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CostInputException(file + ": no such file");
        }
        try {
            ObjectMapper mapper = file.toString().endsWith(".json") ? JSON : YAML;
            JsonNode root = mapper.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new CostInputException(file + ": expected a mapping at the top level");
            }
            return new DataFile(file.toString(), root);
        } catch (IOException e) {
            throw new CostInputException(file + ": cannot parse (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    public String name() {
        return name;
    }

    private JsonNode at(String path) {
        JsonNode n = root;
        for (String part : path.split("\\.")) {
            n = n.path(part);
        }
        return n;
    }

    /**
     * The name under which a field is in this file: {@code camelName} as bench commands write it, or its
     * snake_case spelling in files written before the JSON outputs became camelCase.
     */
    public static String field(DataFile f, String camelName) {
        if (f.has(camelName)) {
            return camelName;
        }
        String snake = camelName.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
        return f.has(snake) ? snake : camelName;
    }

    public boolean has(String path) {
        return !at(path).isMissingNode() && !at(path).isNull();
    }

    /** A number that must be present and {@code >= 0}. */
    public double number(String path) {
        JsonNode n = at(path);
        if (!n.isNumber()) {
            throw new CostInputException(name + ": " + path + " must be a number, found "
                    + (n.isMissingNode() ? "nothing" : "'" + n.asText() + "'"));
        }
        double v = n.asDouble();
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new CostInputException(name + ": " + path + " must be >= 0, found " + v);
        }
        return v;
    }

    public double positive(String path) {
        double v = number(path);
        if (v == 0) {
            throw new CostInputException(name + ": " + path + " must be > 0, found 0");
        }
        return v;
    }

    public boolean flag(String path) {
        JsonNode n = at(path);
        if (!n.isBoolean()) {
            throw new CostInputException(name + ": " + path + " must be true or false, found "
                    + (n.isMissingNode() ? "nothing" : "'" + n.asText() + "'"));
        }
        return n.asBoolean();
    }

    public double number(String path, double fallback) {
        return has(path) ? number(path) : fallback;
    }

    public String text(String path) {
        JsonNode n = at(path);
        if (!n.isValueNode() || n.asText().isBlank()) {
            throw new CostInputException(name + ": " + path + " must be a text value, found "
                    + (n.isMissingNode() ? "nothing" : n.toString()));
        }
        return n.asText();
    }

    /** A mapping of names to numbers, e.g. compressed bytes per column; empty when absent. */
    public Map<String, Long> longs(String path) {
        JsonNode n = at(path);
        Map<String, Long> out = new TreeMap<>();
        if (n.isMissingNode() || n.isNull()) {
            return out;
        }
        if (!n.isObject()) {
            throw new CostInputException(name + ": " + path + " must be a mapping of names to numbers");
        }
        n.properties().forEach(e -> {
            if (!e.getValue().canConvertToLong()) {
                throw new CostInputException(name + ": " + path + "." + e.getKey() + " must be a whole number");
            }
            out.put(e.getKey(), e.getValue().asLong());
        });
        return out;
    }
}
