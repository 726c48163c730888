package io.sensoretl.asl.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** ItemReader.ReaderConfig after evaluation: input type, CSV options and MaxItems. */
public record ReaderSettings(String inputType, String csvHeaderLocation, List<String> csvHeaders, char delimiter,
                           Long maxItems) {
    static final long MAX_ITEMS_LIMIT = 100_000_000L;

    public static ReaderSettings from(JsonNode config, Long maxItems) {
        List<String> headers = new ArrayList<>();
        config.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
        return new ReaderSettings(config.path("InputType").asText("JSON"), config.path("CSVHeaderLocation").asText("FIRST_ROW"),
                List.copyOf(headers), delimiter(config.path("CSVDelimiter").asText("COMMA")), maxItems);
    }

    private static char delimiter(String name) {
        return switch (name) {
            case "COMMA" -> ',';
            case "PIPE" -> '|';
            case "SEMICOLON" -> ';';
            case "SPACE" -> ' ';
            case "TAB" -> '\t';
            default -> throw new ItemReaderFailure("CSVDelimiter '" + name + "' is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB");
        };
    }
}
