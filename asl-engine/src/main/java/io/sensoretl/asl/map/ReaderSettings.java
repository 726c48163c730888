package io.sensoretl.asl.map;

import io.sensoretl.asl.definition.ReaderConfig;
import java.util.List;

/** ItemReader.ReaderConfig after evaluation: input type, CSV options and MaxItems. */
public record ReaderSettings(String inputType, String csvHeaderLocation, List<String> csvHeaders, char delimiter,
                           Long maxItems) {
    static final long MAX_ITEMS_LIMIT = 100_000_000L;

    /** @throws ItemReaderFailure when the delimiter is not one Step Functions offers */
    public static ReaderSettings from(ReaderConfig config, Long maxItems) {
        return new ReaderSettings(config.inputType(), config.csvHeaderLocation(), config.csvHeaders(),
                delimiter(config.csvDelimiter()), maxItems);
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
