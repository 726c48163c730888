package io.sensoretl.deploy.hardening;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import org.junit.jupiter.api.Test;

class LogGroupCheckTest {

    @Test
    void everyFunctionLogsToItsOwnDeclaredLogGroupWithRetention() {
        assertThat(LogGroupCheck.check(Repo.template())).isEmpty();
    }

    @Test
    void aFunctionWithoutADeclaredLogGroupIsReported() {
        Template t = Repo.mutated("        LogGroup: !Ref PlanLogGroup\n", "");
        assertThat(LogGroupCheck.check(t)).containsExactly("Resources.PlanFunction.Properties.LoggingConfig.LogGroup: expected"
                + " !Ref to an AWS::Logs::LogGroup of the template, found nothing (Lambda would create /aws/lambda/<function>"
                + " itself, without retention or the customer-managed key)");
    }

    @Test
    void aSharedLogGroupAndOneWithoutRetentionAreReported() {
        String text = Repo.templateText().replace("        LogGroup: !Ref PlanLogGroup\n", "        LogGroup: !Ref RecordRunLogGroup\n")
                .replace("      LogGroupName: !Sub \"/aws/lambda/${AWS::StackName}/compact\"\n      RetentionInDays: !Ref LogRetentionDays\n",
                        "      LogGroupName: !Sub \"/aws/lambda/${AWS::StackName}/compact\"\n");
        assertThat(LogGroupCheck.check(Template.parse(text, "t.yaml"))).containsExactly(
                "Resources.PlanFunction.Properties.LoggingConfig.LogGroup: RecordRunLogGroup is already the log group of"
                        + " RecordRunFunction; give each function its own",
                "Resources.CompactLogGroup.Properties.RetentionInDays: no retention (logs would be kept forever)");
    }
}
