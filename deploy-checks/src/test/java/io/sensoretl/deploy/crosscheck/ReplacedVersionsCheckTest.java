package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import io.sensoretl.store.aws.S3ObjectStore;
import org.junit.jupiter.api.Test;

/** Replaced curated versions expire on AWS by the tag the compact function sets, after the grace period. */
class ReplacedVersionsCheckTest {
    private static java.util.List<String> check(Template t) {
        return ReplacedVersionsCheck.check(t, "DataBucket", "CompactFunction", S3ObjectStore.REPLACED_TAG_KEY);
    }

    @Test
    void theTemplateExpiresReplacedVersionsByTheFunctionsTagAfterTheGracePeriod() {
        assertThat(check(Repo.template())).isEmpty();
    }

    @Test
    void aRuleOnAnotherTagIsCaught() {
        Template t = Repo.mutated("              - Key: sensoretl-replaced\n", "              - Key: replaced\n");
        assertThat(check(t)).singleElement().asString().contains("no lifecycle rule matching the tag sensoretl-replaced=true");
    }

    @Test
    void aGracePeriodThatMayBeZeroDaysIsCaught() {
        Template t = Repo.mutated("    Default: 1\n    MinValue: 1\n    Description: >\n      Days a curated version",
                "    Default: 1\n    MinValue: 0\n    Description: >\n      Days a curated version");
        assertThat(check(t)).singleElement().asString().contains("ReplacedVersionRetentionDays must have MinValue 1");
    }

    @Test
    void aFunctionThatMayNotTagIsCaught() {
        Template t = Repo.mutated("              Action: s3:PutObjectTagging\n", "              Action: s3:GetObjectTagging\n");
        assertThat(check(t)).singleElement().asString().contains("may not s3:PutObjectTagging");
    }

    @Test
    void aSweepWithAnotherGracePeriodThanTheRuleIsCaught() {
        Template t = Repo.mutated("          REPLACED_VERSION_RETENTION_DAYS: !Ref ReplacedVersionRetentionDays\n",
                "          REPLACED_VERSION_RETENTION_DAYS: \"7\"\n");
        assertThat(check(t)).singleElement().asString().contains("must get REPLACED_VERSION_RETENTION_DAYS");
    }
}
