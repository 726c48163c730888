package io.sensoretl.lambda.local;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.UUID;

/**
 * The Lambda {@link Context} for invocations outside the Lambda runtime: the ASL engine's in-process Lambda
 * tasks, priming, the cold-start driver, the local runtime's direct invocations and the tests. The remaining
 * time counts down to a deadline on a given clock, so an engine on virtual time gives its handlers virtual
 * time too; the logger writes to stderr.
 */
public final class LocalContext implements Context {
    /** Lambda's longest timeout, the deadline of an invocation that names none. */
    public static final Duration MAX_TIMEOUT = Duration.ofMinutes(15);

    private final String requestId;
    private final String function;
    private final String functionArn;
    private final Instant deadline;
    private final InstantSource clock;
    private final int memoryMb;

    /** A fresh request id, 15 minutes on the system clock, the JVM's heap as the memory limit. */
    public LocalContext(String function) {
        this(function, UUID.randomUUID().toString());
    }

    /** With a known request id, for callers (tests, the local runtime's logs) that want to see it again. */
    public LocalContext(String function, String requestId) {
        this(requestId, function, "arn:aws:lambda:local:000000000000:function:" + function,
                Instant.now().plus(MAX_TIMEOUT), InstantSource.system(),
                (int) (Runtime.getRuntime().maxMemory() / (1024 * 1024)));
    }

    /**
     * One invocation as a runtime sees it: its request id, the function's name and ARN, the time the
     * invocation must end by on {@code clock}, and the function's memory.
     */
    public LocalContext(String requestId, String function, String functionArn, Instant deadline, InstantSource clock,
                        int memoryMb) {
        this.requestId = requestId;
        this.function = function;
        this.functionArn = functionArn;
        this.deadline = deadline;
        this.clock = clock;
        this.memoryMb = memoryMb;
    }

    @Override
    public String getAwsRequestId() {
        return requestId;
    }

    @Override
    public String getLogGroupName() {
        return "/aws/lambda/" + function;
    }

    @Override
    public String getLogStreamName() {
        return "local/[$LATEST]" + requestId.replace("-", "");
    }

    @Override
    public String getFunctionName() {
        return function;
    }

    @Override
    public String getFunctionVersion() {
        return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
        return functionArn;
    }

    @Override
    public CognitoIdentity getIdentity() {
        return null;
    }

    @Override
    public ClientContext getClientContext() {
        return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, Duration.between(clock.instant(), deadline).toMillis()));
    }

    @Override
    public int getMemoryLimitInMB() {
        return memoryMb;
    }

    @Override
    public LambdaLogger getLogger() {
        return StderrLogger.INSTANCE;
    }

    /** Like the runtime's logger, one call is one log line: a newline is added unless the message ends with one. */
    private enum StderrLogger implements LambdaLogger {
        INSTANCE;

        @Override
        public void log(String message) {
            System.err.print(message.endsWith("\n") ? message : message + "\n");
        }

        @Override
        public void log(byte[] message) {
            log(new String(message, StandardCharsets.UTF_8));
        }

        @Override
        public void log(String message, LogLevel level) {
            log(message);
        }
    }
}
