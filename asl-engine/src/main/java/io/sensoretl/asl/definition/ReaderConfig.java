package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * ItemReader ReaderConfig: what the object holds and how many items to read. Names are kept as written;
 * the reader fails the run (States.ItemReaderFailed) on values it does not support, as before it reads.
 */
public record ReaderConfig(String inputType, String csvHeaderLocation, List<String> csvHeaders, String csvDelimiter,
                           MaxItems maxItems) {

    static ReaderConfig parse(JsonNode config, QueryLanguage language) {
        List<String> headers = new ArrayList<>();
        config.path("CSVHeaders").forEach(h -> headers.add(h.asText()));
        return new ReaderConfig(config.path("InputType").asText("JSON"), config.path("CSVHeaderLocation").asText("FIRST_ROW"),
                List.copyOf(headers), config.path("CSVDelimiter").asText("COMMA"), MaxItems.parse(config, language));
    }
}
