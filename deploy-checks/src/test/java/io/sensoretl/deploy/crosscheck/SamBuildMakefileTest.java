package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.Template;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Makefile's targets the way `sam build` does (SAM CLI itself cannot be installed here): one
 * {@code make build-<LogicalId>} per function, from another working directory, with ARTIFACTS_DIR set.
 * The Maven wrapper is replaced by a script that counts its runs, over the jars this build packaged.
 */
class SamBuildMakefileTest {
    private static final Path JARS = Repo.root().resolve("functions/lambda/target/lambda");

    @TempDir
    Path tmp;

    @BeforeAll
    static void needsMakeAndTheJars() {
        assumeTrue(onPath("make"), "make is not installed; skipping the Makefile targets (SamBuildCheckTest still checks them)");
        assumeTrue(Files.isDirectory(JARS), JARS + " does not exist (the functions module was not packaged in this build); skipping");
    }

    @Test
    void eachTargetPutsItsFunctionsJarUnderLibAndMavenRunsOnceForAll() throws Exception {
        Path mvnw = countingScript();
        Template template = Repo.template();
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        for (String id : template.resourcesOfType("AWS::Serverless::Function").keySet()) {
            Path artifacts = tmp.resolve("build").resolve(id);
            Result r = make(scratch, "build-" + id, "ARTIFACTS_DIR=" + artifacts, "MVNW=" + mvnw, "STAMP=" + tmp.resolve("stamp"));
            assertThat(r.exit()).as("make build-%s: %s", id, r.output()).isZero();

            String jar = Path.of(template.functionProperty(id, "CodeUri").asText()).getFileName().toString();
            String handler = template.functionProperty(id, "Handler").asText().split("::")[0];
            assertThat(names(artifacts)).containsExactly("lib");
            assertThat(names(artifacts.resolve("lib"))).containsExactly(jar);
            assertThat(onLambdaClassPath(artifacts, handler)).as("%s holds %s", artifacts, handler).isTrue();
        }
        assertThat(Files.readAllLines(tmp.resolve("mvnw-runs"))).as("Maven wrapper runs").hasSize(1);
    }

    @Test
    void withoutArtifactsDirTheTargetStopsBeforeBuilding() throws Exception {
        Path mvnw = countingScript();
        Result r = make(tmp, "build-PlanFunction", "MVNW=" + mvnw, "STAMP=" + tmp.resolve("stamp"));
        assertThat(r.exit()).isNotZero();
        assertThat(r.output()).contains("ARTIFACTS_DIR is not set: sam build sets it; by hand: make build-PlanFunction ARTIFACTS_DIR=<dir>");
        assertThat(tmp.resolve("mvnw-runs")).doesNotExist();
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** The Lambda Java runtime's class path: the package root and every jar under lib/. */
    private static boolean onLambdaClassPath(Path dir, String className) throws IOException {
        String entry = className.replace('.', '/') + ".class";
        if (Files.isRegularFile(dir.resolve(entry))) {
            return true;
        }
        try (Stream<Path> libs = Files.list(dir.resolve("lib"))) {
            for (Path jar : libs.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    if (zip.getEntry(entry) != null) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private Path countingScript() throws IOException {
        Path script = tmp.resolve("mvnw-counting");
        Files.writeString(script, "#!/bin/sh\necho \"$@\" >> '" + tmp.resolve("mvnw-runs") + "'\n");
        assertThat(script.toFile().setExecutable(true)).isTrue();
        return script;
    }

    private record Result(int exit, String output) {}

    private static Result make(Path cwd, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-f", Repo.root().resolve("Makefile").toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("make finished").isTrue();
        return new Result(p.exitValue(), out);
    }

    private static boolean onPath(String program) {
        try {
            Process p = new ProcessBuilder(program, "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
