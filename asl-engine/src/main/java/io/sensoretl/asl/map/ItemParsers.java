package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.HashSet;
import java.util.List;

/** Turns an S3 object body into items: a JSON array, JSON Lines, or CSV/delimited rows keyed by header. */
final class ItemParsers {
    private ItemParsers() {}

    static ArrayNode parse(String body, ReaderSettings config) {
        return switch (config.inputType()) {
            case "JSON" -> json(body);
            case "JSONL" -> jsonl(body);
            case "CSV" -> csv(body, config);
            default -> throw new ItemReaderFailure("InputType '" + config.inputType() + "' is not supported "
                    + "(supported: JSON, JSONL, CSV)");
        };
    }

    private static ArrayNode json(String body) {
        JsonNode node;
        try {
            node = Json.parse(body);
        } catch (IllegalArgumentException e) {
            throw new ItemReaderFailure("Failed to parse the JSON file: " + e.getMessage());
        }
        if (!node.isArray()) {
            throw new ItemReaderFailure("Attempting to map over non-iterable node.");
        }
        return (ArrayNode) node;
    }

    private static ArrayNode jsonl(String body) {
        ArrayNode out = Json.array();
        for (String line : body.split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(Json.parse(line));
            }
        }
        return out;
    }

    private static ArrayNode csv(String body, ReaderSettings config) {
        List<List<String>> rows = CsvReader.rows(body, config.delimiter());
        List<String> headers;
        int first = 0;
        if (config.csvHeaderLocation().equals("GIVEN")) {
            headers = config.csvHeaders();
        } else {
            if (rows.isEmpty()) {
                return Json.array();
            }
            headers = rows.get(0);
            first = 1;
        }
        if (new HashSet<>(headers).size() != headers.size()) {
            throw new ItemReaderFailure("CSV headers cannot contain duplicates.");
        }
        ArrayNode out = Json.array();
        for (int r = first; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            ObjectNode item = Json.object();
            for (int i = 0; i < headers.size(); i++) {
                item.put(headers.get(i), i < row.size() ? row.get(i) : "");
            }
            out.add(item);
        }
        return out;
    }
}
