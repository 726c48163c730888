package io.sensoretl.asl.definition;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;

/**
 * A Distributed Map's ResultWriter: where the results go (Parameters in JSONPath, Arguments in JSONata; a
 * payload template with Bucket and Prefix) and in which form.
 */
public record ResultWriter(String resource, JsonNode parameters, WriterConfig writerConfig) {

    static ResultWriter parse(JsonNode writer, QueryLanguage language) {
        JsonNode parameters = writer.get(language == QueryLanguage.JSONATA ? "Arguments" : "Parameters");
        return new ResultWriter(writer.path("Resource").asText(), parameters, WriterConfig.parse(writer.path("WriterConfig")));
    }

    /** The destination for this run ({} when none is given). */
    public JsonNode parameters(ValueContext context) {
        return parameters == null ? Json.object() : context.template(parameters, "Arguments");
    }
}
