package io.sensoretl.deploy.schema;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a template against the SAM JSON Schema ({@code shared/schemas/sam.schema.json}, the schema
 * editors use): the {@code AWS::Serverless::*} resources with all their properties; other resource
 * types are only checked for their general shape there (see {@link ResourceSpecCheck}).
 */
public final class SamSchemaCheck {
    private final Schema schema;

    private SamSchemaCheck(Schema schema) {
        this.schema = schema;
    }

    public static SamSchemaCheck load(Path samSchema) throws IOException {
        try (InputStream in = Files.newInputStream(samSchema)) {
            return new SamSchemaCheck(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                    .getSchema(in, InputFormat.JSON));
        }
    }

    /** One line per violation: the JSON pointer into the template and what the schema says. */
    public List<String> check(Template template) {
        List<Error> errors = schema.validate(template.root().toString(), InputFormat.JSON);
        List<String> out = new ArrayList<>();
        for (Error e : errors) {
            out.add(template.source() + " " + e.getInstanceLocation() + ": " + e.getMessage());
        }
        return out;
    }
}
