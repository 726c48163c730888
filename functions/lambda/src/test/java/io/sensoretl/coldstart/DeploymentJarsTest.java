package io.sensoretl.coldstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.S3Clients;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.Compression;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.lambda.Json;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.testing.EmbeddedS3;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The deployment jars in target/lambda, as Lambda gets them: each within its size budget, free of
 * Hadoop and of AWS clients it does not call, and able to run its handler in a fresh JVM with nothing
 * else on the class path. Runs in the integration-test phase, after the package phase built the jars.
 */
class DeploymentJarsTest {
    private static final Path JARS = Path.of(System.getProperty("sensoretl.lambda.jars", "target/lambda"));

    private static Path jar(LambdaFunction f) {
        Path jar = JARS.resolve(f.jarName());
        assertThat(jar).as("deployment jar of %s (built by the package phase)", f.functionName()).isRegularFile();
        return jar;
    }

    @Test
    void everyJarInTheDirectoryIsAKnownFunction() throws IOException {
        try (Stream<Path> files = Files.list(JARS)) {
            Set<String> jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).collect(Collectors.toSet());
            assertThat(jars).containsExactlyInAnyOrderElementsOf(LambdaFunction.names().stream().map(n -> n + ".jar").toList());
        }
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void jarStaysWithinItsSizeBudget(LambdaFunction f) throws IOException {
        assertThat(Files.size(jar(f))).as("%s bytes", f.jarName()).isLessThanOrEqualTo(f.maxJarBytes());
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void jarHoldsNoHadoopAndOnlyTheServiceClientsItCalls(LambdaFunction f) throws IOException {
        Set<String> services;
        try (ZipFile zip = new ZipFile(jar(f).toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.startsWith("org/apache/hadoop/")).toList())
                    .as("Hadoop classes in %s", f.jarName()).isEmpty();
            services = zip.stream().map(e -> e.getName())
                    .filter(n -> n.matches("software/amazon/awssdk/services/[a-z0-9]+/[A-Za-z0-9]+Client\\.class"))
                    .map(n -> n.split("/")[4]).collect(Collectors.toSet());
        }
        Set<String> expected = switch (f) {
            case RECORD_RUN -> Set.of("dynamodb", "sfn");
            case PLAN, TRANSFORM, RUN_RESULTS -> Set.of("s3");
            case LATEST_READINGS, CLOSE_RUN -> Set.of("s3", "dynamodb");
            case COMPACT -> Set.of("s3", "dynamodb", "glue");
        };
        assertThat(services).as("AWS service clients in %s", f.jarName()).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void jarHoldsOnlyTheStandInsOfParquetsShadedJackson(LambdaFunction f) throws IOException {
        Set<String> shadedJackson;
        boolean parquetMetadata;
        try (ZipFile zip = new ZipFile(jar(f).toFile())) {
            shadedJackson = zip.stream().map(e -> e.getName()).filter(n -> n.contains("shaded/parquet/com/fasterxml/"))
                    .filter(n -> n.endsWith(".class")).collect(Collectors.toSet());
            parquetMetadata = zip.getEntry("org/apache/parquet/hadoop/metadata/ParquetMetadata.class") != null;
        }
        String pkg = "shaded/parquet/com/fasterxml/jackson/databind/";
        assertThat(shadedJackson).as("Parquet's shaded Jackson in %s", f.jarName()).isEqualTo(parquetMetadata
                ? Set.of(pkg + "ObjectMapper.class", pkg + "ObjectWriter.class", pkg + "SerializationFeature.class") : Set.of());
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void jarRunsItsHandlersPrimingInAFreshJvm(LambdaFunction f) throws Exception {
        JsonNode result = firstInvocation(jar(f), List.of("prime", f.primingClass(), f.functionName()), Map.of());
        assertThat(result.path("mode").asText()).isEqualTo("prime");
        assertThat(result.path("output").isObject()).as("handler output of %s: %s", f.functionName(), result).isTrue();
    }

    @Test
    void transformJarTransformsAChunkFromS3ThroughItsLambdaConstructor(@TempDir Path dir) throws Exception {
        try (EmbeddedS3 s3 = EmbeddedS3.inMemory().bucket("source").bucket("data")) {
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            new DumpGenerator(3, 0.05).writeRecords(dump, 500);
            s3.put("source", "incoming/a.ndjson", dump.toByteArray());
            HeadObjectResponse head = s3.client().headObject(b -> b.bucket("source").key("incoming/a.ndjson"));
            ChunkDescriptor chunk = new ChunkPlanner(ContractLoader.defaultContract().format(), ChunkPlanner.DEFAULT_TARGET_BYTES)
                    .plan("run-test", List.of(new SourceObject(new SourceVersion("source", "incoming/a.ndjson", head.eTag()),
                            head.contentLength(), head.lastModified(), Compression.NONE))).get(0);
            Path event = dir.resolve("event.json");
            Files.write(event, Json.MAPPER.writeValueAsBytes(Map.of("chunk", chunk, "outputBucket", "data")));
            JsonNode result = firstInvocation(jar(LambdaFunction.TRANSFORM),
                    List.of("invoke", LambdaFunction.TRANSFORM.handlerClass(), "transform", event.toString()),
                    Map.of(S3Clients.ENDPOINT_ENV, s3.endpoint().toString()));
            JsonNode out = result.path("output");
            assertThat(out.path("records").asLong()).isEqualTo(500);
            assertThat(out.path("valid").asLong() + out.path("rejected").asLong()).isEqualTo(500);
            assertThat(s3.client().listObjectsV2(b -> b.bucket("data").prefix("runs/run-test/staging/")).contents())
                    .as("staged Parquet written by the jar").isNotEmpty();
        }
    }

    private static JsonNode firstInvocation(Path jar, List<String> args, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", jar.toString(), FirstInvocation.class.getName()));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.startsWith("SENSOR_ETL_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("exit code of %s on %s; output:%n%s", args, jar.getFileName(), output).isZero();
        String line = output.lines().filter(l -> l.startsWith(FirstInvocation.MARKER)).findFirst()
                .orElseThrow(() -> new AssertionError("no result line from " + jar.getFileName() + ":\n" + output));
        return Json.MAPPER.readTree(line.substring(FirstInvocation.MARKER.length()));
    }
}
