package io.sensoretl.deploy.stepfunctionslocal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.deploy.Repo;
import org.junit.jupiter.api.Test;

/** What StepFunctionsLocalTest sends to Step Functions Local, checked without Docker. */
class ChunkDefinitionTest {

    @Test
    void chunkDefinitionCarriesTheProductionRetryAndCatchErrors() throws Exception {
        JsonNode production = new ObjectMapper().readTree(Repo.definition());
        JsonNode chunk = production.at("/States/Transform chunks/ItemProcessor/States/Transform chunk");
        JsonNode local = StepFunctionsLocalTest.chunkDefinition(production).at("/States/Transform chunk");
        assertThat(local.path("Retry")).hasSize(chunk.path("Retry").size());
        for (int i = 0; i < chunk.path("Retry").size(); i++) {
            assertThat(local.path("Retry").get(i).path("ErrorEquals")).isEqualTo(chunk.path("Retry").get(i).path("ErrorEquals"));
            assertThat(local.path("Retry").get(i).path("MaxAttempts")).isEqualTo(chunk.path("Retry").get(i).path("MaxAttempts"));
            assertThat(local.path("Retry").get(i).has("JitterStrategy")).isFalse();
        }
        assertThat(local.at("/Catch/0/ErrorEquals")).isEqualTo(chunk.at("/Catch/0/ErrorEquals"));
        assertThat(local.at("/Catch/0/Next").asText()).isEqualTo("Send chunk to dead-letter queue");
        assertThat(chunk.at("/Catch/0/Next").asText()).isEqualTo("Send chunk to dead-letter queue");
    }
}
