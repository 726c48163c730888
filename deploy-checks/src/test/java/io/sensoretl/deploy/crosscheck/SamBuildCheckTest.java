package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

/** Every function has what `sam build` needs: Metadata, a Makefile target, and a target that ships its jar. */
class SamBuildCheckTest {
    private static final String PLAN_METADATA = "    Metadata:\n      BuildMethod: makefile\n      ProjectRootDirectory: .\n"
            + "    Properties:\n      Description: Splits the upload";

    @Test
    void everyFunctionIsBuiltByItsMakefileTarget() {
        assertThat(SamBuildCheck.check(Repo.template(), Repo.read("Makefile"), ".")).isEmpty();
    }

    @Test
    void aFunctionWithoutBuildMetadataIsReported() {
        Template t = Repo.mutated(PLAN_METADATA, "    Properties:\n      Description: Splits the upload");
        assertThat(SamBuildCheck.check(t, Repo.read("Makefile"), ".")).containsExactly(
                "Resources.PlanFunction.Metadata.BuildMethod: expected makefile (sam build hands a jar CodeUri to its Maven"
                        + " workflow, which fails with \"Not a directory\"), found nothing",
                "Resources.PlanFunction.Metadata.ProjectRootDirectory: expected '.', the directory of the Makefile (the CodeUri"
                        + " is a jar, not a directory sam build could copy and run make in), found nothing");
    }

    @Test
    void aMissingTargetOrOneThatShipsAnotherJarIsReported() {
        String makefile = Repo.read("Makefile");
        assertThat(SamBuildCheck.check(Repo.template(), makefile.replace("build-CloseRunFunction:", "build-CloseRun:"), "."))
                .containsExactly("Makefile: no target build-CloseRunFunction (sam build runs `make build-CloseRunFunction`"
                        + " for CloseRunFunction)");
        String swapped = makefile.replace("lambda/latest-readings.jar\" \"$(ARTIFACTS_DIR)", "lambda/transform.jar\" \"$(ARTIFACTS_DIR)");
        assertThat(SamBuildCheck.check(Repo.template(), swapped, ".")).containsExactly("Makefile: build-LatestReadingsFunction"
                + " does not put functions/lambda/target/lambda/latest-readings.jar (the CodeUri of LatestReadingsFunction)"
                + " into $(ARTIFACTS_DIR)");
    }
}
