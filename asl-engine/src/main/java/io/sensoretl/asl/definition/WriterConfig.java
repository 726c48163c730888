package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/** ResultWriter WriterConfig; the engine writes OutputType JSON with Transformation NONE (the defaults) only. */
public record WriterConfig(String outputType, String transformation, String asWritten) {

    static WriterConfig parse(JsonNode config) {
        return new WriterConfig(config.path("OutputType").asText("JSON"), config.path("Transformation").asText("NONE"),
                config.isMissingNode() ? "{}" : Json.write(config));
    }

    public boolean supported() {
        return outputType.equals("JSON") && transformation.equals("NONE");
    }
}
