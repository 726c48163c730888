package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

class EncryptionCheckTest {
    /** The key statement at the end of the last function's policy, just before the workflow section. */
    private static final String LAST_KEY_STATEMENT = String.join("\n",
            "            - !If",
            "              - HasKmsKey",
            "              - Sid: UseKmsKey",
            "                Effect: Allow",
            "                Action: [kms:Decrypt, kms:GenerateDataKey]",
            "                Resource: !Ref KmsKeyArn",
            "              - !Ref AWS::NoValue",
            "",
            "  # ---------------------------------------------------------------- workflow");

    @Test
    void everyStoreUsesTheCustomerKeyWhenSetAndEveryRoleThatNeedsItMayUseIt() {
        assertThat(Repo.template().resourcesOfType("AWS::Logs::LogGroup")).hasSize(8);
        assertThat(EncryptionCheck.check(Repo.template())).isEmpty();
    }

    @Test
    void aBucketAlwaysOnSseS3IsReported() {
        Template t = Repo.mutated(String.join("\n",
                "          - ServerSideEncryptionByDefault: !If",
                "              - HasKmsKey",
                "              - SSEAlgorithm: aws:kms",
                "                KMSMasterKeyID: !Ref KmsKeyArn",
                "              - SSEAlgorithm: AES256",
                "            BucketKeyEnabled: true",
                "      # an overwritten"), String.join("\n",
                "          - ServerSideEncryptionByDefault:",
                "              SSEAlgorithm: AES256",
                "            BucketKeyEnabled: true",
                "      # an overwritten"));
        assertThat(EncryptionCheck.check(t)).containsExactly("Resources.SourceBucket.Properties.BucketEncryption"
                + ".ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault: not encrypted with the customer-managed"
                + " key when KmsKeyArn is set; expected !If [HasKmsKey, <setting naming !Ref KmsKeyArn>, <AWS-managed setting>]");
    }

    @Test
    void queuesTablesLogGroupsAndAthenaResultsWithoutTheKeyAreReported() {
        String text = Repo.templateText()
                .replace("      KmsKeyId: !If [HasKmsKey, !Ref KmsKeyArn, !Ref AWS::NoValue]\n\n  PlanFunction:", "\n  PlanFunction:")
                .replaceFirst("      KmsMasterKeyId: !If \\[HasKmsKey, !Ref KmsKeyArn, !Ref AWS::NoValue]\n", "")
                .replaceFirst("          KMSMasterKeyId: !Ref KmsKeyArn\n", "")
                .replace("              KmsKey: !Ref KmsKeyArn\n", "");
        assertThat(EncryptionCheck.check(Template.parse(text, "t.yaml"))).extracting(p -> p.substring(0, p.indexOf(": ")))
                .containsExactlyInAnyOrder(
                        "Resources.LedgerTable.Properties.SSESpecification",
                        "Resources.DeadLetterQueue.Properties.KmsMasterKeyId",
                        "Resources.PlanLogGroup.Properties.KmsKeyId",
                        "Resources.AthenaWorkGroup.Properties.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration");
    }

    @Test
    void theKeyParameterAndItsConditionAreRequired() {
        Template t = Repo.mutated("  HasKmsKey: !Not [!Equals [!Ref KmsKeyArn, \"\"]]\n", "  HasKmsKey: !Equals [!Ref KmsKeyArn, \"\"]\n");
        assertThat(EncryptionCheck.check(t)).containsExactly(
                "Conditions.HasKmsKey: expected !Not [!Equals [!Ref KmsKeyArn, \"\"]], found {\"Fn::Equals\":[{\"Ref\":\"KmsKeyArn\"},\"\"]}");
        assertThat(EncryptionCheck.check(Repo.mutated("  KmsKeyArn:\n    Type: String\n    Default: \"\"\n",
                "  KmsKeyArn:\n    Type: String\n    Default: \"alias/aws/s3\"\n"))).containsExactly(
                "Parameters.KmsKeyArn: expected a String parameter with Default \"\" (no customer-managed key unless one is given)");
    }

    @Test
    void aRoleThatUsesEncryptedDataButMayNotUseTheKeyIsReported() {
        Template t = Repo.mutated(LAST_KEY_STATEMENT, "\n  # ---------------------------------------------------------------- workflow");
        assertThat(EncryptionCheck.check(t)).containsExactly("Resources.CloseRunFunction.Properties.Policies: uses"
                + " [DataBucket, LedgerTable] but may not use KmsKeyArn when it is set; add !If [HasKmsKey, {Allow"
                + " [kms:Decrypt, kms:GenerateDataKey] on !Ref KmsKeyArn}, !Ref AWS::NoValue]");
    }

    @Test
    void keyStatementsOnOtherKeysOrWithoutTheConditionAreReported() {
        Template t = Repo.mutated(LAST_KEY_STATEMENT, String.join("\n",
                "            - Sid: UseKmsKey",
                "              Effect: Allow",
                "              Action: [kms:Decrypt, kms:GenerateDataKey]",
                "              Resource: \"*\"",
                "",
                "  # ---------------------------------------------------------------- workflow"));
        assertThat(EncryptionCheck.check(t)).containsExactly(
                "Resources.CloseRunFunction.Properties.Policies: uses [DataBucket, LedgerTable] but may not use KmsKeyArn when"
                        + " it is set; add !If [HasKmsKey, {Allow [kms:Decrypt, kms:GenerateDataKey] on !Ref KmsKeyArn}, !Ref AWS::NoValue]",
                "Resources.CloseRunFunction.Properties.Policies[0].Statement[2]: kms actions must be limited to !Ref KmsKeyArn,"
                        + " found [\"*\"]",
                "Resources.CloseRunFunction.Properties.Policies[0].Statement[2]: a statement on the key must exist only under"
                        + " HasKmsKey (without a key it would name an empty ARN)");
    }
}
