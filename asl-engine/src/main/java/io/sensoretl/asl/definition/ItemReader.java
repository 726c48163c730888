package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/**
 * A Distributed Map's ItemReader: the S3 resource, its request (Parameters in JSONPath, Arguments in JSONata;
 * a payload template) and the ReaderConfig.
 */
public record ItemReader(String resource, JsonNode parameters, ReaderConfig readerConfig) {

    static ItemReader parse(JsonNode reader, QueryLanguage language) {
        JsonNode parameters = reader.get(language == QueryLanguage.JSONATA ? "Arguments" : "Parameters");
        return new ItemReader(reader.path("Resource").asText(), parameters,
                ReaderConfig.parse(reader.path("ReaderConfig"), language));
    }

    /** The request for this run ({} when none is given). */
    public JsonNode parameters(ValueContext context) {
        return parameters == null ? Json.object() : context.template(parameters, "Arguments");
    }
}
