package io.sensoretl.deploy.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** template.yaml against the SAM JSON Schema of ../shared/schemas (skipped when ../shared is absent). */
class SamSchemaCheckTest {
    private static SamSchemaCheck sam;

    @BeforeAll
    static void loadSchema() throws IOException {
        sam = SamSchemaCheck.load(Repo.shared("schemas/sam.schema.json"));
    }

    @Test
    void templateConformsToTheSamSchema() {
        assertThat(sam.check(Repo.template())).isEmpty();
    }

    @Test
    void unknownFunctionPropertyIsReported() {
        var problems = sam.check(Repo.mutated("      EphemeralStorage:\n", "      EphemeralStorrage:\n"));
        assertThat(problems).anyMatch(p -> p.contains("/Resources/CompactFunction") && p.contains("EphemeralStorrage"));
    }

    @Test
    void unknownStateMachinePropertyIsReported() {
        var problems = sam.check(Repo.mutated("      Tracing:\n        Enabled: true\n", "      Tracer:\n        Enabled: true\n"));
        assertThat(problems).anyMatch(p -> p.contains("/Resources/SensorEtlStateMachine") && p.contains("Tracer"));
    }

    @Test
    void functionTracingModeOutsideItsValuesIsReported() {
        var problems = sam.check(Repo.mutated("    Tracing: Active\n", "    Tracing: Sometimes\n"));
        assertThat(problems).anyMatch(p -> p.contains("/Globals/Function/Tracing"));
    }
}
