package io.sensoretl.console;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.json.Json;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.SigV4Verifier;
import io.sensoretl.stepfunctions.StepFunctionsServer;
import io.sensoretl.stepfunctions.StepFunctionsService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.model.DescribeExecutionResponse;

/**
 * A `states serve` (API and console) in the test's process on a free port, an SDK client for it, and the
 * workflows the console tests look at: {@link #ORDERS} has a Parallel whose branches hold a caught failure and a
 * Distributed Map whose item 3 fails on the first run only (so the execution fails and a redrive succeeds).
 */
final class ConsoleFixture implements AutoCloseable {
    static final String ROLE = "arn:aws:iam::123456789012:role/local";

    static final String ORDERS = """
            {"Comment":"console demo","StartAt":"Prepare","States":{
              "Prepare":{"Type":"Pass","Result":{"items":[1,2,3,4]},"ResultPath":"$.prep","Next":"Fan"},
              "Fan":{"Type":"Parallel","Next":"Done","Branches":[
                {"StartAt":"Check","States":{
                  "Check":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                           "Parameters":{"FunctionName":"check","Payload.$":"$"},
                           "Catch":[{"ErrorEquals":["States.ALL"],"Next":"Fallback"}],"End":true},
                  "Fallback":{"Type":"Pass","Result":"fallback","End":true}}},
                {"StartAt":"Items","States":{
                  "Items":{"Type":"Map","ItemsPath":"$.prep.items","End":true,
                    "ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
                      "StartAt":"Work","States":{
                        "Work":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke",
                                "Parameters":{"FunctionName":"work","Payload.$":"$"},"OutputPath":"$.Payload",
                                "End":true}}}}}}]},
              "Done":{"Type":"Succeed"}}}""";

    /** Waits on a callback that never comes: stays RUNNING until stopped. */
    static final String WAITS = """
            {"StartAt":"Hold","States":{"Hold":{"Type":"Task",
              "Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
              "Parameters":{"FunctionName":"park","Payload":{"token.$":"$$.Task.Token"}},"Next":"After"},
              "After":{"Type":"Succeed"}}}""";

    final ExecutorService executor = Executors.newFixedThreadPool(4);
    final StepFunctionsService service;
    final StepFunctionsServer server;
    final SfnClient sfn;
    /** Whether item 3 of {@link #ORDERS} still fails (the first run); a redrive finds it cleared. */
    final AtomicBoolean itemThreeFails = new AtomicBoolean(true);
    private final Map<String, RequestHandler<?, ?>> lambdas = new ConcurrentHashMap<>();

    ConsoleFixture(Path dir) throws Exception {
        lambdas.put("check", (RequestHandler<Object, Object>) (in, ctx) -> {
            throw new IllegalStateException("inventory service said <b>no</b>");
        });
        lambdas.put("work", (RequestHandler<Object, Object>) (in, ctx) -> {
            if (String.valueOf(in).equals("3") && itemThreeFails.getAndSet(false)) {
                throw new IllegalArgumentException("item 3 is broken");
            }
            return Map.of("done", in);
        });
        lambdas.put("park", (RequestHandler<Object, Object>) (in, ctx) -> Map.of());
        service = new StepFunctionsService(dir, "us-east-1", "123456789012", Clock.systemUTC(), (store, nested) -> {
            AslEngine engine = AslEngine.builder().executor(executor).store(store).resource(nested).build();
            lambdas.forEach(engine.lambdas()::register);
            return engine;
        }, null);
        server = StepFunctionsServer.start(0, service,
                new SigV4Verifier(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY, "states", Clock.systemUTC()));
        sfn = SfnClient.builder().endpointOverride(server.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    String create(String name, String definition) {
        return sfn.createStateMachine(b -> b.name(name).roleArn(ROLE).definition(definition)).stateMachineArn();
    }

    String start(String machineArn, String name, String input) {
        return sfn.startExecution(b -> b.stateMachineArn(machineArn).name(name).input(input)).executionArn();
    }

    /** Runs an execution to its end. */
    DescribeExecutionResponse run(String machineArn, String name, String input) throws InterruptedException {
        return awaitEnd(start(machineArn, name, input));
    }

    /**
     * The end of an execution's redrive: a click on Redrive returns before the console's POST has been handled, so
     * until then the execution still shows the status it was redriven from.
     */
    DescribeExecutionResponse awaitRedrivenEnd(String executionArn) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sfn.describeExecution(b -> b.executionArn(executionArn)).redriveCount() == 0 && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        return awaitEnd(executionArn);
    }

    DescribeExecutionResponse awaitEnd(String executionArn) throws InterruptedException {
        return io.sensoretl.stepfunctions.LocalStepFunctions.awaitEnd(sfn, executionArn);
    }

    /** The history as GetExecutionHistory answers it (the console's source). */
    List<JsonNode> history(String executionArn) {
        return new ConsoleData(service).history(executionArn);
    }

    String url(String path) {
        return server.endpoint() + path;
    }

    @Override
    public void close() {
        sfn.close();
        server.close();
        executor.shutdownNow();
    }
}
