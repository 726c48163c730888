package io.sensoretl.lambda;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Lambda functions and their deployment jars ({@code functions/lambda/target/lambda/<name>.jar}, built by
 * functions/lambda/pom.xml; template.yaml's CodeUri points there). Class names are strings so that this list
 * pulls no handler into a jar that does not need it.
 */
public enum LambdaFunction {
    RECORD_RUN("record-run", "io.sensoretl.lambda.RecordRunHandler", "io.sensoretl.lambda.priming.RecordRunPriming"),
    PLAN("plan", "io.sensoretl.lambda.PlanHandler", "io.sensoretl.lambda.priming.PlanPriming"),
    TRANSFORM("transform", "io.sensoretl.lambda.TransformHandler", "io.sensoretl.lambda.priming.TransformPriming"),
    RUN_RESULTS("run-results", "io.sensoretl.lambda.RunResultsHandler", "io.sensoretl.lambda.priming.RunResultsPriming"),
    /**
     * Over the 20 MB target: three AWS service clients (S3, Glue, DynamoDB) plus Parquet's reader and
     * writer (see docs/performance.md, "Cold starts"). The budget stops it from growing further.
     */
    COMPACT("compact", "io.sensoretl.lambda.CompactHandler", "io.sensoretl.lambda.priming.CompactPriming", 21_000_000L),
    LATEST_READINGS("latest-readings", "io.sensoretl.lambda.LatestReadingsHandler",
            "io.sensoretl.lambda.priming.LatestReadingsPriming"),
    CLOSE_RUN("close-run", "io.sensoretl.lambda.CloseRunHandler", "io.sensoretl.lambda.priming.CloseRunPriming");

    /** The size a deployment jar must stay within unless its entry says otherwise (docs/performance.md). */
    public static final long MAX_JAR_BYTES = 20_000_000L;

    private final String functionName;
    private final String handlerClass;
    private final String primingClass;
    private final long maxJarBytes;

    LambdaFunction(String functionName, String handlerClass, String primingClass) {
        this(functionName, handlerClass, primingClass, MAX_JAR_BYTES);
    }

    LambdaFunction(String functionName, String handlerClass, String primingClass, long maxJarBytes) {
        this.functionName = functionName;
        this.handlerClass = handlerClass;
        this.primingClass = primingClass;
        this.maxJarBytes = maxJarBytes;
    }

    /** The size budget of this function's deployment jar, in bytes. */
    public long maxJarBytes() {
        return maxJarBytes;
    }

    /** The function's name in the workflow and the template, and its jar's base name. */
    public String functionName() {
        return functionName;
    }

    public String handlerClass() {
        return handlerClass;
    }

    /** The {@code io.sensoretl.lambda.priming.Priming} its handler registers for SnapStart. */
    public String primingClass() {
        return primingClass;
    }

    public String jarName() {
        return functionName + ".jar";
    }

    public static Optional<LambdaFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(LambdaFunction::functionName).toList();
    }
}
