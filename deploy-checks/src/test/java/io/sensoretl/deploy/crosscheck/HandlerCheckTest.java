package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerCheckTest {
    private static final Path SOURCES = Repo.root().resolve("functions/lambda/src/main/java");

    private static List<String> check(Template t) {
        return HandlerCheck.check(t, HandlerCheckTest.class.getClassLoader(), SOURCES);
    }

    @Test
    void everyFunctionPointsAtItsHandlerJarAndSetsTheEnvironmentItNeeds() {
        assertThat(Repo.template().resourcesOfType("AWS::Serverless::Function")).hasSize(7);
        assertThat(check(Repo.template())).isEmpty();
    }

    @Test
    void missingHandlerClassIsReported() {
        Template t = Repo.mutated("Handler: io.sensoretl.lambda.PlanHandler::handleRequest",
                "Handler: io.sensoretl.lambda.PlannerHandler::handleRequest");
        assertThat(check(t)).containsExactly(
                "Resources.PlanFunction.Properties.Handler: class io.sensoretl.lambda.PlannerHandler does not exist");
    }

    @Test
    void classThatIsNotAHandlerIsReported() {
        Template t = Repo.mutated("Handler: io.sensoretl.lambda.PlanHandler::handleRequest",
                "Handler: io.sensoretl.lambda.Json::handleRequest");
        assertThat(check(t)).contains(
                "Resources.PlanFunction.Properties.Handler: io.sensoretl.lambda.Json has no public method handleRequest",
                "Resources.PlanFunction.Properties.CodeUri: expected functions/lambda/target/lambda/json.jar (the deployment jar of Json),"
                        + " found 'functions/lambda/target/lambda/plan.jar'");
    }

    @Test
    void jarOfAnotherFunctionIsReported() {
        Template t = Repo.mutated("CodeUri: functions/lambda/target/lambda/compact.jar", "CodeUri: functions/lambda/target/lambda/transform.jar");
        assertThat(check(t)).containsExactly("Resources.CompactFunction.Properties.CodeUri: expected"
                + " functions/lambda/target/lambda/compact.jar (the deployment jar of CompactHandler), found 'functions/lambda/target/lambda/transform.jar'");
    }

    @Test
    void missingRequiredEnvironmentVariableIsReported() {
        Template t = Repo.mutated("          LATEST_TABLE: !Ref LatestReadingsTable\n", "");
        assertThat(check(t)).containsExactly("Resources.LatestReadingsFunction.Properties.Environment.Variables:"
                + " LatestReadingsHandler requires LATEST_TABLE, which is not set");
    }

    @Test
    void builtDeploymentJarsContainTheirHandlers() {
        Path jars = Repo.root().resolve("functions/lambda/target/lambda");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(jars),
                jars + " does not exist (the functions module was not packaged in this build); skipping");
        assertThat(HandlerCheck.checkJars(Repo.template(), Repo.root())).isEmpty();
    }

    @Test
    void missingOrWrongDeploymentJarsAreReported(@TempDir Path base) throws Exception {
        Path lambda = Files.createDirectories(base.resolve("functions/lambda/target/lambda"));
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(lambda.resolve("plan.jar")))) {
            zip.putNextEntry(new ZipEntry("io/sensoretl/lambda/TransformHandler.class"));
            zip.closeEntry();
        }
        Files.writeString(lambda.resolve("transform.jar"), "not a zip");
        List<String> problems = HandlerCheck.checkJars(Repo.template(), base);
        assertThat(problems).contains(
                "Resources.PlanFunction.Properties.CodeUri: functions/lambda/target/lambda/plan.jar does not contain"
                        + " io/sensoretl/lambda/PlanHandler.class",
                "Resources.RecordRunFunction.Properties.CodeUri: functions/lambda/target/lambda/record-run.jar was not built (no such file)");
        assertThat(problems).anyMatch(p -> p.startsWith(
                "Resources.TransformFunction.Properties.CodeUri: functions/lambda/target/lambda/transform.jar is not a readable jar"));
    }

    @Test
    void functionNamesFollowTheHandlerClass() {
        assertThat(HandlerCheck.functionName("RecordRunHandler")).isEqualTo("record-run");
        assertThat(HandlerCheck.functionName("LatestReadingsHandler")).isEqualTo("latest-readings");
        assertThat(HandlerCheck.functionName("TransformHandler")).isEqualTo("transform");
    }
}
