package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

class AslCrossCheckTest {

    @Test
    void productionDefinitionAndTemplateAgree() {
        assertThat(AslCrossCheck.check(Repo.template(), Repo.DEFINITION_URI, Repo.definition())).isEmpty();
    }

    @Test
    void removingAnInvokeGrantFromTheRealTemplateIsCaught() {
        Template t = Repo.mutated("                - !Ref TransformFunction.Alias\n                - !Ref RunResultsFunction.Alias\n",
                "                - !Ref RunResultsFunction.Alias\n");
        assertThat(AslCrossCheck.check(t, Repo.DEFINITION_URI, Repo.definition())).containsExactly(
                "state 'Transform chunk' invokes ${TransformFunctionArn} (TransformFunction alias) but the role of"
                        + " SensorEtlStateMachine does not allow lambda:InvokeFunction on it");
    }

    @Test
    void substitutionMissingFromTheRealTemplateIsCaught() {
        Template t = Repo.mutated("        MapMaxConcurrency: !Ref MapMaxConcurrency\n", "");
        assertThat(AslCrossCheck.check(t, Repo.DEFINITION_URI, Repo.definition())).containsExactly(
                Repo.DEFINITION_URI + " uses ${MapMaxConcurrency}, which DefinitionSubstitutions of SensorEtlStateMachine does not define");
    }

    // ---- small templates: one rule each

    private static final String TEMPLATE = """
            Resources:
              Fn:
                Type: AWS::Serverless::Function
                Properties: {Handler: x, CodeUri: x}
              Queue:
                Type: AWS::SQS::Queue
              Data:
                Type: AWS::S3::Bucket
              Machine:
                Type: AWS::Serverless::StateMachine
                Properties:
                  Name: !Sub "${AWS::StackName}-m"
                  DefinitionUri: m.asl.json
                  DefinitionSubstitutions:
                    FnArn: !Ref Fn.Alias
                    QueueUrl: !Ref Queue
                    Bucket: !Ref Data
                  Policies:
                    - Statement:
            %s
            """;

    private static final String ALL_GRANTS = """
                        - {Effect: Allow, Action: lambda:InvokeFunction, Resource: !Ref Fn.Alias}
                        - {Effect: Allow, Action: sqs:SendMessage, Resource: !GetAtt Queue.Arn}
                        - {Effect: Allow, Action: [s3:GetObject, s3:PutObject], Resource: !Sub "${Data.Arn}/runs/*"}
                        - Effect: Allow
                          Action: states:StartExecution
                          Resource: !Sub "arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${AWS::StackName}-m"
            """;

    private static final String ASL = """
            {"StartAt": "Invoke", "States": {
              "Invoke": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                         "Arguments": {"FunctionName": "${FnArn}"}, "Next": "Fan out"},
              "Fan out": {"Type": "Map",
                "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "Arguments": {"Bucket": "${Bucket}", "Key": "runs/m.json"}},
                "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"}, "StartAt": "DLQ",
                  "States": {"DLQ": {"Type": "Task", "Resource": "arn:aws:states:::sqs:sendMessage",
                                     "Parameters": {"QueueUrl": "${QueueUrl}", "MessageBody.$": "$"}, "End": true}}},
                "ResultWriter": {"Resource": "arn:aws:states:::s3:putObject",
                                 "Arguments": {"Bucket": "${Bucket}", "Prefix": "{% 'runs/' & $states.input.run %}"}},
                "End": true}}}
            """;

    private static Template template(String grants) {
        return Template.parse(TEMPLATE.formatted(grants), "t.yaml");
    }

    @Test
    void smallTemplateWithEveryGrantPasses() {
        assertThat(AslCrossCheck.check(template(ALL_GRANTS), "m.asl.json", ASL)).isEmpty();
    }

    @Test
    void undefinedAndUnusedSubstitutionsAreReported() {
        String asl = ASL.replace("${FnArn}", "${FunctionArn}");
        assertThat(AslCrossCheck.check(template(ALL_GRANTS), "m.asl.json", asl)).contains(
                "m.asl.json uses ${FunctionArn}, which DefinitionSubstitutions of Machine does not define",
                "Machine.DefinitionSubstitutions.FnArn is not used by m.asl.json");
    }

    @Test
    void grantOnTheUnqualifiedFunctionDoesNotCoverInvokingItsAlias() {
        String grants = ALL_GRANTS.replace("Resource: !Ref Fn.Alias", "Resource: !GetAtt Fn.Arn");
        assertThat(AslCrossCheck.check(template(grants), "m.asl.json", ASL)).containsExactly(
                "state 'Invoke' invokes ${FnArn} (Fn alias) but the role of Machine does not allow lambda:InvokeFunction on it");
        String versions = ALL_GRANTS.replace("Resource: !Ref Fn.Alias", "Resource: !Sub \"${Fn.Arn}:*\"");
        assertThat(AslCrossCheck.check(template(versions), "m.asl.json", ASL)).isEmpty();
    }

    @Test
    void queueAndBucketPrefixMustBeGranted() {
        String grants = ALL_GRANTS.replace("sqs:SendMessage", "sqs:ReceiveMessage").replace("/runs/*", "/curated/*");
        assertThat(AslCrossCheck.check(template(grants), "m.asl.json", ASL)).containsExactly(
                "state 'Fan out (ItemReader)' needs s3:GetObject on Data under 'runs/m.json' but the role of Machine does not allow it",
                "state 'Fan out (ResultWriter)' needs s3:PutObject on Data under 'runs/' but the role of Machine does not allow it",
                "state 'DLQ' sends to ${QueueUrl} (Queue) but the role of Machine does not allow sqs:SendMessage on it");
    }

    @Test
    void distributedMapNeedsToStartExecutionsOfItsOwnStateMachine() {
        String grants = ALL_GRANTS.replace(":stateMachine:${AWS::StackName}-m", ":stateMachine:${AWS::StackName}-other");
        assertThat(AslCrossCheck.check(template(grants), "m.asl.json", ASL)).containsExactly(
                "state 'Fan out' is a Distributed Map but the role of Machine does not allow states:StartExecution on"
                        + " arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${AWS::StackName}-m");
        Template unnamed = Template.parse(TEMPLATE.formatted(ALL_GRANTS).replace("      Name: !Sub \"${AWS::StackName}-m\"\n", ""), "t.yaml");
        assertThat(AslCrossCheck.check(unnamed, "m.asl.json", ASL)).singleElement().asString()
                .contains("give Machine a Name");
    }

    @Test
    void substitutionsThatNameWrongKindsOfResourcesAreReported() {
        Template t = Template.parse(TEMPLATE.formatted(ALL_GRANTS)
                .replace("FnArn: !Ref Fn.Alias", "FnArn: !GetAtt Queue.Arn")
                .replace("QueueUrl: !Ref Queue", "QueueUrl: !Ref Missing"), "t.yaml");
        assertThat(AslCrossCheck.check(t, "m.asl.json", ASL)).containsExactlyInAnyOrder(
                "Machine.DefinitionSubstitutions.QueueUrl refers to Missing, which is neither a resource nor a parameter of the template",
                "state 'Invoke': ${FnArn} is {\"Fn::GetAtt\":[\"Queue\",\"Arn\"]}, not a Lambda function of the template",
                "state 'DLQ': ${QueueUrl} is {\"Ref\":\"Missing\"}, not an SQS queue of the template");
    }

    @Test
    void unknownIntegrationsAndHardCodedFunctionsAreReported() {
        String asl = ASL.replace("\"arn:aws:states:::sqs:sendMessage\"", "\"arn:aws:states:::sns:publish\"")
                .replace("\"${FnArn}\"", "\"arn:aws:lambda:eu-west-1:123456789012:function:f\"");
        assertThat(AslCrossCheck.check(template(ALL_GRANTS), "m.asl.json", asl)).contains(
                "state 'Invoke': FunctionName is 'arn:aws:lambda:eu-west-1:123456789012:function:f'; it must be a ${...}"
                        + " substitution so the template can grant access to exactly that resource",
                "state 'DLQ': the cross-check does not know which permission Resource arn:aws:states:::sns:publish needs;"
                        + " teach AslCrossCheck before using it");
    }

    @Test
    void missingStateMachineIsReported() {
        assertThat(AslCrossCheck.check(template(ALL_GRANTS), "other.asl.json", ASL))
                .containsExactly("t.yaml: no AWS::Serverless::StateMachine has DefinitionUri other.asl.json");
    }
}
