package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

class DataProtectionCheckTest {
    private static final String DLQ_POLICY_DENY = String.join("\n",
            "          - Sid: DenyInsecureTransport",
            "            Effect: Deny",
            "            Principal: \"*\"",
            "            Action: \"sqs:*\"",
            "            Resource: !GetAtt DeadLetterQueue.Arn",
            "");

    @Test
    void bucketsAreVersionedTablesRecoverableAndEveryBucketAndQueueTlsOnly() {
        assertThat(DataProtectionCheck.check(Repo.template())).isEmpty();
    }

    @Test
    void anUnversionedBucketAndNoNoncurrentExpiryAreReported() {
        String text = Repo.templateText()
                .replace("      # an overwritten or deleted upload can be restored for NoncurrentVersionExpirationDays\n"
                        + "      VersioningConfiguration:\n        Status: Enabled\n", "")
                .replaceFirst("          - Id: expire-noncurrent-versions\n            Status: Enabled\n",
                        "          - Id: expire-noncurrent-versions\n            Status: Disabled\n");
        assertThat(DataProtectionCheck.check(Template.parse(text, "t.yaml"))).containsExactly(
                "Resources.SourceBucket.Properties.VersioningConfiguration: versioning is not enabled (an overwritten or"
                        + " deleted object could not be restored)",
                "Resources.SourceBucket.Properties.LifecycleConfiguration: no enabled rule expires the noncurrent versions"
                        + " of every key (NoncurrentVersionExpiration without a prefix); replaced versions would be kept and billed forever");
    }

    @Test
    void theLatestReadingsTableWithoutRecoveryProtectionOrRetainIsReported() {
        String text = Repo.templateText()
                .replace("    # Deletion protection would make `sam delete` fail on the table: the stack leaves it instead.\n"
                        + "    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n", "")
                .replace("        - AttributeName: metric\n          KeyType: RANGE\n      PointInTimeRecoverySpecification:\n        PointInTimeRecoveryEnabled: true\n"
                        + "      DeletionProtectionEnabled: true\n      SSESpecification: !If\n",
                        "        - AttributeName: metric\n          KeyType: RANGE\n      SSESpecification: !If\n");
        assertThat(DataProtectionCheck.check(Template.parse(text, "t.yaml"))).containsExactly(
                "Resources.LatestReadingsTable.Properties.PointInTimeRecoverySpecification: point-in-time recovery is not enabled",
                "Resources.LatestReadingsTable.Properties.DeletionProtectionEnabled: deletion protection is not enabled",
                "Resources.LatestReadingsTable.DeletionPolicy: expected Retain (the table outlives the stack; deleting a"
                        + " protected table would make the stack's deletion fail)");
    }

    @Test
    void aQueueWithoutATlsOnlyPolicyIsReported() {
        Template t = Repo.mutated(DLQ_POLICY_DENY, DLQ_POLICY_DENY.replace("Effect: Deny", "Effect: Allow"));
        assertThat(DataProtectionCheck.check(t)).containsExactly("Resources.DeadLetterQueue: no TLS-only policy (an"
                + " AWS::SQS::QueuePolicy that denies sqs:* to Principal \"*\" when aws:SecureTransport is \"false\", on the queue)");
    }

    @Test
    void aBucketPolicyThatSparesTheObjectsIsReported() {
        Template t = Repo.mutated("              - !Sub \"${DataBucket.Arn}/*\"\n", "");
        assertThat(DataProtectionCheck.check(t)).containsExactly("Resources.DataBucket: no TLS-only policy (an"
                + " AWS::S3::BucketPolicy that denies s3:* to Principal \"*\" when aws:SecureTransport is \"false\", on the"
                + " bucket and its objects)");
    }
}
