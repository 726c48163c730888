package io.sensoretl.cli.states;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionRequest;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import io.sensoretl.asl.engine.StateMachine;
import io.sensoretl.asl.history.ExecutionStore;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.TaskMocks;
import io.sensoretl.asl.time.VirtualTimeSource;
import io.sensoretl.asl.validation.InvalidDefinitionException;
import io.sensoretl.cli.UserError;
import io.sensoretl.local.SdkObjectStore;
import io.sensoretl.stepfunctions.MockConfig;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

/** `states run`: executes a definition and prints {"status","output"} or {"status","error","cause"}. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a state machine definition locally and print its outcome as JSON.")
final class StatesRunCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<definition>", description = "ASL definition file (JSON)")
    Path definition;

    @Option(names = "--input", paramLabel = "<json|@file>", description = "Execution input: JSON text or @file")
    String input;

    @Option(names = "--execution-name", description = "Execution name (default: a UUID)")
    String executionName;

    @Option(names = "--state-machine-name", description = "State machine name (default: the file name)")
    String stateMachineName;

    @Option(names = "--region", defaultValue = AslEngine.DEFAULT_REGION, description = "Region in ARNs (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--account", defaultValue = AslEngine.DEFAULT_ACCOUNT, description = "Account id in ARNs (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--lambda", paramLabel = "<name=class>",
            description = "Bind a Lambda function name to a RequestHandler/RequestStreamHandler class (repeatable)")
    List<String> lambdas = new ArrayList<>();

    @Option(names = "--s3-endpoint", paramLabel = "<url>",
            description = "S3-compatible endpoint for ItemReader/ResultWriter and aws-sdk:s3 tasks (path-style; credentials from "
                    + "AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY). Without it, real S3 with the default credential chain.")
    URI s3Endpoint;

    @picocli.CommandLine.Mixin
    ExecutionsDir executions;

    @Option(names = "--max-threads", defaultValue = "8", description = "Threads for Map and Parallel (default: ${DEFAULT-VALUE})")
    int maxThreads;

    @Option(names = "--virtual-time",
            description = "Run Wait states, retry intervals and timeouts on a virtual clock instead of really waiting")
    boolean virtualTime;

    @Option(names = "--mock-config", paramLabel = "<file>",
            description = "Step Functions Local MockConfigFile (default: $SFN_MOCK_CONFIG); needs --test-case")
    Path mockConfig;

    @Option(names = "--test-case", paramLabel = "<name>",
            description = "Test case of the mock config (under StateMachines.<state machine name>.TestCases)")
    String testCase;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        QuietLogging.apply();
        JsonNode document = CliFiles.readJsonFile(definition, "definition");
        JsonNode in = CliFiles.input(input);
        StateMachine machine;
        try {
            machine = AslEngine.load(document);
        } catch (InvalidDefinitionException e) {
            throw new UserError(e.getMessage().replace("\n", " "));
        }
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, maxThreads));
        try (S3Client s3 = s3Client(document)) {
            AslEngine.Builder builder = AslEngine.builder().executor(executor).store(new ExecutionStore(executions.path()))
                    .lambdaRegion(region, account);
            if (s3 != null) {
                builder.objectStore(new SdkObjectStore(s3));
            }
            if (virtualTime) {
                builder.time(new VirtualTimeSource(java.time.Instant.now()));
            }
            AslEngine engine = builder.build();
            LambdaBindings.register(lambdas, engine.lambdas());
            String smName = stateMachineName != null ? stateMachineName
                    : definition.getFileName().toString().replaceFirst("\\.(asl\\.)?json$", "");
            ExecutionResult result = engine.execute(machine,
                    new ExecutionRequest(in, executionName, smName, region, account, null, null)
                            .withMocks(mocks(smName)));
            spec.commandLine().getOut().println(io.sensoretl.cli.JsonOutput.document(result.summary()));
            return result.status() == ExecutionStatus.SUCCEEDED ? 0 : 1;
        } finally {
            executor.shutdownNow();
        }
    }

    /** The test case's mocks, or null without --test-case. */
    private TaskMocks mocks(String smName) {
        Path file = mockConfig;
        String env = System.getenv("SFN_MOCK_CONFIG");
        if (file == null && env != null && !env.isBlank()) {
            file = Path.of(env);
        }
        if (testCase == null) {
            if (mockConfig != null) {
                throw new UserError("--mock-config needs --test-case <name> (one of the test cases of '" + smName + "')");
            }
            return null;
        }
        if (file == null) {
            throw new UserError("--test-case " + testCase + " needs --mock-config <file> (or SFN_MOCK_CONFIG)");
        }
        MockConfig config;
        try {
            config = MockConfig.read(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
        return config.testCase(smName, testCase).orElseThrow(() -> new UserError("the mock config " + config.source()
                + " has no test case '" + testCase + "' for state machine '" + smName + "' (it has: "
                + config.testCases(smName) + "; the state machine name is --state-machine-name or the file name)"));
    }

    /** Real S3 (default credential chain) unless --s3-endpoint points elsewhere; none if the machine never uses S3. */
    private S3Client s3Client(JsonNode document) {
        String text = Json.write(document);
        boolean usesS3 = text.contains("\"ItemReader\"") || text.contains("\"ResultWriter\"") || text.contains("aws-sdk:s3:");
        if (s3Endpoint == null) {
            return usesS3 ? S3Client.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create()).build()
                    : null;
        }
        String key = System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "local");
        String secret = System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "local");
        // bodies sent as they are, not aws-chunked: S3-compatible servers such as S3Proxy may drop the connection
        // after an aws-chunked PUT without saying so, and the next PUT on it fails (see S3Clients.forEndpoint)
        return S3Client.builder().endpointOverride(s3Endpoint).forcePathStyle(true).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .serviceConfiguration(S3Configuration.builder().chunkedEncodingEnabled(false).build())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }
}
