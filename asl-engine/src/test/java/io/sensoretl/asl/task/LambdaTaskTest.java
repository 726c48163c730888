package io.sensoretl.asl.task;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LambdaTaskTest {
    private final Engines engines = new Engines();

    /** A typed handler, as project functions are written. */
    public static final class Doubler implements RequestHandler<Map<String, Integer>, Map<String, Integer>> {
        @Override
        public Map<String, Integer> handleRequest(Map<String, Integer> input, Context context) {
            return Map.of("n", input.get("n") * 2);
        }
    }

    public static final class Broken implements RequestHandler<Object, Object> {
        @Override
        public Object handleRequest(Object input, Context context) {
            throw new IllegalStateException("boom");
        }
    }

    public static final class Upper implements RequestStreamHandler {
        @Override
        public void handleRequest(java.io.InputStream in, java.io.OutputStream out, Context context) throws java.io.IOException {
            out.write(new String(in.readAllBytes()).toUpperCase().getBytes());
        }
    }

    public static final class RemainingTime implements RequestHandler<Object, Integer> {
        @Override
        public Integer handleRequest(Object input, Context context) {
            return context.getRemainingTimeInMillis();
        }
    }

    @Test
    void lambdaInvokeWrapsThePayloadWithStatusCode() {
        engines.engine.lambdas().register("doubler", new Doubler());
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'doubler','Payload':{'n.$':'$.n'}},'End':true}}}"), "{\"n\":21}");
        assertJson(r.output().path("Payload"), json("{\"n\":42}"));
        assertThat(r.output().path("StatusCode").asInt()).isEqualTo(200);
        assertThat(r.output().path("ExecutedVersion").asText()).isEqualTo("$LATEST");
    }

    @Test
    void plainFunctionArnReturnsThePayloadItselfAndAcceptsFullArns() {
        engines.engine.lambdas().register("arn:aws:lambda:eu-west-1:111122223333:function:doubler", new Doubler());
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:doubler:$LATEST','End':true}}}"), "{\"n\":2}");
        assertJson(r.output(), json("{\"n\":4}"));
    }

    @Test
    void unhandledExceptionBecomesErrorNamedByItsClassWithLambdaErrorPayloadAsCause() {
        engines.engine.lambdas().register("broken", new Broken());
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'broken'},'End':true}}}"), "{}");
        assertThat(r.error()).isEqualTo("java.lang.IllegalStateException");
        JsonNode cause = Json.parse(r.cause());
        assertThat(cause.path("errorMessage").asText()).isEqualTo("boom");
        assertThat(cause.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(cause.path("stackTrace").isArray()).isTrue();
    }

    @Test
    void streamHandlersReceiveAndReturnRawJson() {
        engines.engine.lambdas().register("upper", new Upper());
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task',"
                + "'Resource':'arn:aws:lambda:eu-west-1:111122223333:function:upper','End':true}}}"), "\"abc\"");
        assertThat(r.output().asText()).isEqualTo("ABC");
    }

    @Test
    void unknownFunctionFailsWithLambdaResourceNotFound() {
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::lambda:invoke',"
                + "'Parameters':{'FunctionName':'ghost'},'End':true}}}"), "{}");
        assertThat(r.error()).isEqualTo("Lambda.ResourceNotFoundException");
        assertThat(r.cause()).startsWith("Function not found: arn:aws:lambda:eu-west-1:111122223333:function:ghost:$LATEST");
    }

    @Test
    void unknownResourceFailsClearlyNamingIt() {
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::dynamodb:putItem',"
                + "'End':true}}}"), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("arn:aws:states:::dynamodb:putItem");
    }

    @Test
    void contextRemainingTimeFollowsTimeoutSeconds() {
        engines.engine.lambdas().register("remaining", new RemainingTime());
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:remaining',"
                + "'TimeoutSeconds':30,'End':true}}}"), "{}");
        assertThat(r.output().asInt()).isEqualTo(30_000);
    }

    @Test
    void contextRemainingTimeCountsDownOnTheEnginesClock() {
        engines.engine.lambdas().register("remaining", (RequestHandler<Object, Integer>) (in, ctx) -> {
            int before = ctx.getRemainingTimeInMillis();
            engines.time.sleep(Duration.ofSeconds(12));
            return before - ctx.getRemainingTimeInMillis();
        });
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:remaining',"
                + "'TimeoutSeconds':30,'End':true}}}"), "{}");
        assertThat(r.output().asInt()).isEqualTo(12_000);
    }

    @Test
    void slowFunctionTimesOutOnVirtualTimeWithStatesTimeout() {
        engines.engine.lambdas().register("slow", (RequestHandler<Object, Object>) (in, ctx) -> {
            engines.time.sleep(Duration.ofSeconds(60));
            return in;
        });
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:lambda:eu-west-1:111122223333:function:slow',"
                + "'TimeoutSecondsPath':'$.t','End':true}}}"), "{\"t\":5}");
        assertThat(r.error()).isEqualTo("States.Timeout");
        assertThat(engines.time.totalSlept()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void sqsSendMessageGoesToTheBoundQueue() {
        List<String> sent = new ArrayList<>();
        Engines withQueue = new Engines(AslEngine.builder().queue((url, body, attrs) -> {
            sent.add(url + " " + body);
            return "m-1";
        }));
        ExecutionResult r = withQueue.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::sqs:sendMessage',"
                + "'Parameters':{'QueueUrl':'https://q/1','MessageBody':{'a.$':'$.a'}},'End':true}}}"), "{\"a\":1}");
        assertThat(sent).containsExactly("https://q/1 {\"a\":1}");
        assertThat(r.output().path("MessageId").asText()).isEqualTo("m-1");
    }
}
