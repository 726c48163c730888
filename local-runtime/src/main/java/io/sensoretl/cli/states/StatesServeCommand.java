package io.sensoretl.cli.states;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.cli.UserError;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.SigV4Verifier;
import io.sensoretl.stepfunctions.MockConfig;
import io.sensoretl.stepfunctions.StepFunctionsServer;
import io.sensoretl.stepfunctions.StepFunctionsService;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** `states serve`: the Step Functions API on the local engine, for the AWS CLI and SDKs (--endpoint-url). */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serve the Step Functions API (AWS JSON 1.0 protocol) on 127.0.0.1 for the AWS CLI and SDKs, "
                + "and the console at /console/.",
            "Actions: " + StepFunctionsService.ACTION_LIST + ". Any other is refused naming it "
                + "(docs/local-stepfunctions.md)."})
final class StatesServeCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "8083", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Where state machines and executions are kept "
            + "(under <dir>/stepfunctions; default: .sensor-etl)")
    Path dataDir = DataDir.DEFAULT;

    @Option(names = "--mock-config", paramLabel = "<file>", description = "Step Functions Local MockConfigFile "
            + "(default: $SFN_MOCK_CONFIG); select a test case with <stateMachineArn>#<TestCase> at StartExecution")
    Path mockConfig;

    @Option(names = "--region", defaultValue = AslEngine.DEFAULT_REGION, description = "Region in ARNs (default: ${DEFAULT-VALUE})")
    String region;

    @Option(names = "--account", defaultValue = AslEngine.DEFAULT_ACCOUNT, description = "Account id in ARNs (default: ${DEFAULT-VALUE})")
    String account;

    @Option(names = "--lambda", paramLabel = "<name=class>",
            description = "Bind a Lambda function name to a RequestHandler/RequestStreamHandler class (repeatable)")
    List<String> lambdas = new ArrayList<>();

    @Option(names = "--max-threads", defaultValue = "8", description = "Threads for Map and Parallel (default: ${DEFAULT-VALUE})")
    int maxThreads;

    @Option(names = "--s3-endpoint", paramLabel = "<url>",
            description = "S3-compatible endpoint (path-style; credentials from AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY, "
                    + "default the local ones) for ItemReader/ResultWriter and aws-sdk:s3 tasks, e.g. serve's local S3. "
                    + "Default: none, and such states fail saying so.")
    java.net.URI s3Endpoint;

    @Option(names = "--any-credentials", description = "Accept requests signed with any credentials (as Step "
            + "Functions Local does) instead of only the local ones")
    boolean anyCredentials;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        QuietLogging.apply();
        MockConfig mocks = mocks();
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(1, maxThreads), r -> {
            Thread t = new Thread(r, "sensor-etl-states");
            t.setDaemon(true);
            return t;
        });
        software.amazon.awssdk.services.s3.S3Client s3 = s3Endpoint == null ? null : io.sensoretl.aws.S3Clients.forEndpoint(
                s3Endpoint, System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", LocalS3.ACCESS_KEY),
                System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", LocalS3.SECRET_KEY));
        StepFunctionsService service = new StepFunctionsService(new DataDir(dataDir).stepFunctions(), region, account,
                Clock.systemUTC(), (store, nested) -> {
                    AslEngine.Builder builder = AslEngine.builder().executor(executor).store(store).lambdaRegion(region, account)
                            .resource(nested);
                    if (s3 != null) {
                        builder.objectStore(new io.sensoretl.local.SdkObjectStore(s3));
                    }
                    AslEngine engine = builder.build();
                    LambdaBindings.register(lambdas, engine.lambdas());
                    return engine;
                }, mocks);
        SigV4Verifier verifier = anyCredentials ? null
                : new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "states", Clock.systemUTC());
        StepFunctionsServer server;
        try {
            server = StepFunctionsServer.start(port, service, verifier);
        } catch (BindException e) {
            throw new UserError("cannot listen on 127.0.0.1:" + port + " (" + e.getMessage() + "); choose another --port");
        } catch (IOException e) {
            throw new UserError("cannot start the Step Functions endpoint: " + e.getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            executor.shutdownNow();
            stopped.countDown();
        }));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Step Functions API: " + server.endpoint());
        out.println("  aws stepfunctions list-state-machines --endpoint-url " + server.endpoint());
        out.println("Console: " + server.endpoint() + "/console/");
        if (verifier != null) {
            out.println("  credentials: AWS_ACCESS_KEY_ID=" + LocalS3.ACCESS_KEY + " AWS_SECRET_ACCESS_KEY="
                    + LocalS3.SECRET_KEY + " (or --any-credentials)");
        }
        if (mocks != null) {
            out.println("  mock config: " + mocks.source());
        }
        out.println("  data: " + new DataDir(dataDir).stepFunctions() + "   (Ctrl-C stops)");
        out.flush();
        stopped.await();
        return 0;
    }

    private MockConfig mocks() {
        Path file = mockConfig;
        if (file == null && System.getenv("SFN_MOCK_CONFIG") != null && !System.getenv("SFN_MOCK_CONFIG").isBlank()) {
            file = Path.of(System.getenv("SFN_MOCK_CONFIG"));
        }
        if (file == null) {
            return null;
        }
        try {
            return MockConfig.read(file);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
