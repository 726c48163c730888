package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

class WildcardActionCheckTest {

    @Test
    void templateGrantsNoWildcardAction() {
        assertThat(Policies.all(Repo.template())).hasSizeGreaterThan(20);
        assertThat(WildcardActionCheck.check(Repo.template())).isEmpty();
    }

    @Test
    void wildcardActionsInFunctionPoliciesAreReported() {
        Template t = Repo.mutated("              Action: [dynamodb:GetItem, dynamodb:UpdateItem, dynamodb:Query]",
                "              Action: [\"dynamodb:*\", dynamodb:Get*]");
        assertThat(WildcardActionCheck.check(t)).containsExactly(
                "Resources.LatestReadingsFunction.Properties.Policies[0].Statement[2]: Allow of the wildcard action 'dynamodb:*';"
                        + " name the actions one by one",
                "Resources.LatestReadingsFunction.Properties.Policies[0].Statement[2]: Allow of the wildcard action 'dynamodb:Get*';"
                        + " name the actions one by one");
    }

    @Test
    void wildcardsInRolesAndResourcePoliciesAreReportedButDenyIsAllowed() {
        Template t = Template.parse("""
                Resources:
                  Role:
                    Type: AWS::IAM::Role
                    Properties:
                      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: x}, Action: sts:AssumeRole}]}
                      Policies:
                        - PolicyName: p
                          PolicyDocument: {Statement: {Effect: Allow, Action: "*", Resource: "*"}}
                  Policy:
                    Type: AWS::S3::BucketPolicy
                    Properties:
                      Bucket: b
                      PolicyDocument:
                        Statement:
                          - {Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*"}
                          - {Effect: Allow, Principal: "*", NotAction: s3:DeleteObject, Resource: "*"}
                """, "t.yaml");
        assertThat(WildcardActionCheck.check(t)).containsExactly(
                "Resources.Role.Properties.Policies[0].PolicyDocument.Statement: Allow of the wildcard action '*'; name the actions one by one",
                "Resources.Policy.Properties.PolicyDocument.Statement[1]: an Allow with NotAction grants every other action; name the actions");
    }
}
