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
    void snapStartWithAnInvalidSettingIsReported() {
        var problems = sam.check(Repo.mutated("    SnapStart:\n      ApplyOn: PublishedVersions\n",
                "    SnapStart: PublishedVersions\n"));
        assertThat(problems).anyMatch(p -> p.contains("/Globals/Function/SnapStart"));
    }

    @Test
    void stateMachineTypeMustBeAString() {
        var problems = sam.check(Repo.mutated("      Type: STANDARD\n", "      Type: [STANDARD]\n"));
        assertThat(problems).anyMatch(p -> p.contains("/Resources/SensorEtlStateMachine"));
    }
}
