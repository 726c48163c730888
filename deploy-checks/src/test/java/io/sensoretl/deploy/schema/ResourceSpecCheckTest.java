package io.sensoretl.deploy.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plain CloudFormation resources against npm @aws-cdk/aws-service-spec (installed by the build). */
class ResourceSpecCheckTest {
    private static ResourceSpecCheck check;

    @BeforeAll
    static void loadSpec() throws IOException {
        check = new ResourceSpecCheck(ResourceSpec.load(Repo.npm(ResourceSpec.NPM_DB)));
    }

    @Test
    void everyPlainResourceOfTheTemplateMatchesItsSpecification() {
        assertThat(check.check(Repo.template())).isEmpty();
    }

    @Test
    void misspelledPropertyIsReportedWithTheKnownOnes() {
        var problems = check.check(Repo.mutated("      RecursiveDeleteOption: true", "      RecursiveDeletionOption: true"));
        assertThat(problems).singleElement().asString()
                .startsWith("Resources.AthenaWorkGroup.Properties.RecursiveDeletionOption: unknown property of AWS::Athena::WorkGroup")
                .contains("RecursiveDeleteOption");
    }

    @Test
    void valueOutsideTheAllowedValuesIsReported() {
        var problems = check.check(Repo.mutated("            - EncryptionOption: SSE_S3", "            - EncryptionOption: SSE_S4"));
        assertThat(problems).singleElement().asString().isEqualTo(
                "Resources.AthenaWorkGroup.Properties.WorkGroupConfiguration.ResultConfiguration.EncryptionConfiguration"
                        + "(Fn::If branch 2).EncryptionOption: 'SSE_S4' is not one of [\"SSE_S3\",\"SSE_KMS\",\"CSE_KMS\"]");
    }

    @Test
    void missingRequiredNestedPropertyIsReported() {
        Template t = Template.parse("""
                Resources:
                  T:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      KeySchema:
                        - AttributeName: id
                """, "t.yaml");
        assertThat(check.check(t)).containsExactly("Resources.T.Properties.KeySchema[0].KeyType: required property of KeySchema is missing");
    }

    @Test
    void wrongShapesAreReported() {
        Template t = Template.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      MessageRetentionPeriod: two weeks
                      SqsManagedSseEnabled: maybe
                      Tags: {Key: a, Value: b}
                """, "t.yaml");
        assertThat(check.check(t)).containsExactlyInAnyOrder(
                "Resources.Q.Properties.MessageRetentionPeriod: expected a number, found 'two weeks'",
                "Resources.Q.Properties.SqsManagedSseEnabled: expected true or false, found 'maybe'",
                "Resources.Q.Properties.Tags: expected a list, found OBJECT");
    }

    @Test
    void bothBranchesOfAnIfAreCheckedAndIntrinsicsAccepted() {
        Template t = Template.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Sub "${AWS::StackName}-q"
                      DelaySeconds: !If [C, 5, soon]
                      MaximumMessageSize: !If [C, 1024, !Ref AWS::NoValue]
                """, "t.yaml");
        assertThat(check.check(t)).containsExactly("Resources.Q.Properties.DelaySeconds(Fn::If branch 2): expected a number, found 'soon'");
    }

    @Test
    void unknownTypesAndAttributesAreReported() {
        Template t = Template.parse("""
                Resources:
                  Q:
                    Type: AWS::SQS::Queues
                  R:
                    Type: AWS::SQS::Queue
                  A:
                    Type: AWS::SNS::Topic
                    Properties:
                      DisplayName: !GetAtt R.Url
                """, "t.yaml");
        assertThat(check.check(t)).containsExactly(
                "Resources.Q: unknown resource type AWS::SQS::Queues",
                "Resources.A.Properties.DisplayName: AWS::SQS::Queue has no attribute Url (it has: Arn, QueueName, QueueUrl)");
    }
}
