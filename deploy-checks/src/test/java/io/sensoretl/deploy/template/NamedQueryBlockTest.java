package io.sensoretl.deploy.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.deploy.Repo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class NamedQueryBlockTest {

    @Test
    void blockIsTheTemplatesNamedQueryForTheFile() throws Exception {
        Path ddl = Repo.root().resolve("athena-queries/ddl/readings.sql");
        String block = NamedQueryBlock.render("athena-queries/ddl/readings.sql", Files.readString(ddl));
        assertThat(Repo.templateText()).contains(block);
    }

    @Test
    void queryParametersAreEscapedAndStackValuesFilled() {
        String block = NamedQueryBlock.render("athena-queries/queries/rejects_by_reason.sql",
                "-- @param from date\nSELECT * FROM `${database}`.rejects\n\nWHERE dt >= ${from}\n");
        Template t = Template.parse("Resources:\n" + block, "block.yaml");
        JsonNode q = t.resource("QueriesRejectsByReasonQuery").orElseThrow().path("Properties");
        assertThat(q.path("Name").asText()).isEqualTo("queries/rejects_by_reason");
        assertThat(q.path("QueryString").path("Fn::Sub").path(0).asText())
                .isEqualTo("-- @param from date\nSELECT * FROM `${database}`.rejects\n\nWHERE dt >= ${!from}\n");
        assertThat(q.path("QueryString").path("Fn::Sub").path(1).toString()).isEqualTo("{\"database\":{\"Ref\":\"GlueDatabase\"}}");
    }

    @Test
    void everyQueryFileRendersToValidYaml() throws Exception {
        try (Stream<Path> files = Files.walk(Repo.root().resolve("athena-queries"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                String rel = Repo.root().relativize(f).toString().replace('\\', '/');
                Template t = Template.parse("Resources:\n" + NamedQueryBlock.render(rel, Files.readString(f)), rel);
                assertThat(t.resourcesOfType("AWS::Athena::NamedQuery")).hasSize(1);
            }
        }
    }
}
