package io.sensoretl.deploy.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource specification as published in npm {@code @aws-cdk/aws-service-spec}
 * ({@code db.json.gz}: every resource type of the CloudFormation registry with its properties, their
 * types, allowed values and which are required, and its attributes).
 */
public final class ResourceSpec {
    /** Where the build's {@code npm ci} in tools/node puts the package. */
    public static final Path NPM_DB = Path.of("tools", "node", "node_modules", "@aws-cdk", "aws-service-spec", "db.json.gz");

    private final Map<String, JsonNode> resources;
    private final Map<String, JsonNode> typeDefinitions;

    private ResourceSpec(Map<String, JsonNode> resources, Map<String, JsonNode> typeDefinitions) {
        this.resources = resources;
        this.typeDefinitions = typeDefinitions;
    }

    public static ResourceSpec load(Path dbJsonGz) throws IOException {
        JsonNode db;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(dbJsonGz), 1 << 16)) {
            db = new ObjectMapper().readTree(in);
        }
        JsonNode schema = db.path("schema");
        if (!schema.path("resource").path("entities").isArray()) {
            throw new IOException(dbJsonGz + ": not an aws-service-spec database (no schema.resource.entities)");
        }
        Map<String, JsonNode> resources = new HashMap<>();
        schema.path("resource").path("entities").forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
        Map<String, JsonNode> types = new HashMap<>();
        schema.path("typeDefinition").path("entities").forEach(t -> types.put(t.path("$id").asText(), t));
        return new ResourceSpec(resources, types);
    }

    /** The resource type's entity: {@code properties} (name -> {type, required}) and {@code attributes}. */
    public Optional<JsonNode> resource(String cloudFormationType) {
        return Optional.ofNullable(resources.get(cloudFormationType));
    }

    /** A named property type referenced as {@code {"type":"ref","reference":{"$ref": id}}}. */
    public JsonNode typeDefinition(String id) {
        JsonNode t = typeDefinitions.get(id);
        if (t == null) {
            throw new IllegalStateException("aws-service-spec: dangling type reference " + id);
        }
        return t;
    }
}
