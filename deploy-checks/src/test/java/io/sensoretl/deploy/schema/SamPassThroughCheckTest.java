package io.sensoretl.deploy.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the SAM schema lets through unchecked, checked as the CloudFormation properties it becomes. */
class SamPassThroughCheckTest {
    private static SamPassThroughCheck check;

    @BeforeAll
    static void loadSpec() throws IOException {
        check = new SamPassThroughCheck(ResourceSpec.load(Repo.npm(ResourceSpec.NPM_DB)));
    }

    @Test
    void passedThroughPropertiesOfTheTemplateAreValid() {
        assertThat(check.check(Repo.template())).isEmpty();
    }

    @Test
    void snapStartMustBeASettingsObjectWithAKnownApplyOn() {
        assertThat(check.check(Repo.mutated("    SnapStart:\n      ApplyOn: PublishedVersions\n", "    SnapStart: PublishedVersions\n")))
                .containsExactly("Globals.Function.SnapStart: expected the properties of SnapStart as a mapping, found STRING");
        assertThat(check.check(Repo.mutated("      ApplyOn: PublishedVersions\n", "      ApplyOn: Sometimes\n")))
                .containsExactly("Globals.Function.SnapStart.ApplyOn: 'Sometimes' is not one of [\"PublishedVersions\",\"None\"]");
    }

    @Test
    void stateMachineLoggingAndTypeAreChecked() {
        assertThat(check.check(Repo.mutated("        Level: ERROR\n", "        Level: VERBOSE\n"))).singleElement().asString()
                .startsWith("Resources.SensorEtlStateMachine.Properties.Logging.Level: 'VERBOSE' is not one of");
        assertThat(check.check(Repo.mutated("      Type: STANDARD\n", "      Type: [STANDARD]\n")))
                .containsExactly("Resources.SensorEtlStateMachine.Properties.Type: expected a string, found ARRAY");
    }

    @Test
    void functionSettingsAreChecked() {
        assertThat(check.check(Repo.mutated("      EphemeralStorage:\n        Size: !Ref CompactEphemeralStorageMB\n",
                "      EphemeralStorage:\n        SizeMB: 4096\n"))).contains(
                "Resources.CompactFunction.Properties.EphemeralStorage.SizeMB: unknown property of EphemeralStorage (known: Size)",
                "Resources.CompactFunction.Properties.EphemeralStorage.Size: required property of EphemeralStorage is missing");
    }
}
