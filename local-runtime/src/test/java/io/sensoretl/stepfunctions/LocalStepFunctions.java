package io.sensoretl.stepfunctions;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.SigV4Verifier;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.SdkAdvancedClientOption;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** A `states serve` in the test's process on a free port, and SDK clients for it. */
public final class LocalStepFunctions implements AutoCloseable {
    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final StepFunctionsServer server;
    /** Lambda functions the engines get (each state machine's engine is built at its first execution). */
    final java.util.Map<String, com.amazonaws.services.lambda.runtime.RequestHandler<?, ?>> lambdas =
            new java.util.concurrent.ConcurrentHashMap<>();

    LocalStepFunctions(Path dir, MockConfig mocks) throws Exception {
        StepFunctionsService service = new StepFunctionsService(dir, "us-east-1", "123456789012", Clock.systemUTC(),
                (store, nested) -> {
                    AslEngine engine = AslEngine.builder().executor(executor).store(store).resource(nested).build();
                    lambdas.forEach(engine.lambdas()::register);
                    return engine;
                }, mocks);
        server = StepFunctionsServer.start(0, service,
                new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "states", Clock.systemUTC()));
    }

    SfnClient client() {
        return client(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
    }

    SfnClient client(String key, String secret) {
        return SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                // StartSyncExecution's host prefix ("sync-") cannot be prepended to 127.0.0.1
                .overrideConfiguration(o -> o.putAdvancedOption(SdkAdvancedClientOption.DISABLE_HOST_PREFIX_INJECTION, true))
                .build();
    }

    /** A client that also keeps every response body as it came over the wire (to check the JSON AWS's clients read). */
    SfnClient recordingClient(java.util.List<String> bodies) {
        return SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(LocalS3.ACCESS_KEY,
                        LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.addExecutionInterceptor(new software.amazon.awssdk.core.interceptor.ExecutionInterceptor() {
                    @Override
                    public java.util.Optional<java.io.InputStream> modifyHttpResponseContent(
                            software.amazon.awssdk.core.interceptor.Context.ModifyHttpResponse context,
                            software.amazon.awssdk.core.interceptor.ExecutionAttributes attributes) {
                        return context.responseBody().map(in -> {
                            try {
                                byte[] body = in.readAllBytes();
                                bodies.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                                return new java.io.ByteArrayInputStream(body);
                            } catch (java.io.IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            }
                        });
                    }
                }))
                .build();
    }

    /** Describes the execution until it is no longer RUNNING (at most 30 s), as a client polling DescribeExecution does. */
    public static DescribeExecutionResponse awaitEnd(SfnClient sfn, String executionArn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            DescribeExecutionResponse d = sfn.describeExecution(b -> b.executionArn(executionArn));
            if (d.status() != ExecutionStatus.RUNNING || System.nanoTime() > until) {
                return d;
            }
            Thread.sleep(20);
        }
    }

    @Override
    public void close() {
        server.close();
        executor.shutdownNow();
    }
}
