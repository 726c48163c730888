package io.sensoretl.lambda;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The registry of the workflow's Lambda functions, in workflow order: one entry holds every fact
 * about a function, and everything else derives from it or is checked against it.
 *
 * <ul>
 *   <li>derived here: the handler class ({@code io.sensoretl.lambda.<Name>Handler}), its SnapStart
 *       priming ({@code io.sensoretl.lambda.priming.<Name>Priming}, loaded by name: see
 *       {@link SnapStart}), the metric dimension {@code Function=<name>} (the handlers report under
 *       {@link #functionName()}), the deployment jar and CodeUri, the template resource
 *       ({@code <Name>Function}) and the definition's substitution ({@code <Name>FunctionArn});</li>
 *   <li>derived elsewhere: the local runtime's functions ({@code io.sensoretl.local.LocalFunctions})
 *       and the definition's substitutions it fills;</li>
 *   <li>checked by tests: the shade executions and pruner arguments of functions/lambda/pom.xml
 *       ({@code LambdaFunctionTest}), the functions of template.yaml with their memory and timeout
 *       parameters ({@code FunctionRegistryTemplateTest} in deploy-checks), the size budget of each
 *       built jar ({@code DeploymentJarsTest}), every handler class in this package, and the cost
 *       model's functions ({@code CostModelTest}: each is a registered function or a task of one, and
 *       the {@link Cost#FIXED} ones are docs/cost-model.yaml's fixed functions).</li>
 * </ul>
 *
 * Class names are derived rather than written out, so that a handler referring to its entry does not
 * name every other handler and priming in its jar (the jar pruner keeps classes named by string constants).
 */
public enum LambdaFunction {
    RECORD_RUN("record-run", Sizing.SMALL, Cost.FIXED, Excludes.without("s3", "glue", "parquet", "yaml")),
    PLAN("plan", Sizing.SMALL, Cost.FIXED, Excludes.without("glue", "dynamodb", "parquet", "sfn")),
    TRANSFORM("transform", Sizing.TRANSFORM, Cost.PER_CHUNK, Excludes.without("glue", "dynamodb", "sfn")),
    RUN_RESULTS("run-results", Sizing.SMALL, Cost.FIXED, Excludes.without("glue", "dynamodb", "parquet-codecs", "yaml", "sfn")),
    COMPACT("compact", Sizing.COMPACT, Cost.PER_ROW, Excludes.without("yaml", "sfn")),
    LATEST_READINGS("latest-readings", Sizing.SMALL, Cost.FIXED, Excludes.without("glue", "parquet-codecs", "yaml", "sfn")),
    CLOSE_RUN("close-run", Sizing.SMALL, Cost.FIXED, Excludes.without("glue", "parquet-codecs", "yaml", "sfn"));

    /** The size every deployment jar must stay within (docs/performance.md, "Cold starts"). */
    public static final long MAX_JAR_BYTES = 20_000_000L;

    /** Where the deployment jars are built, relative to the repository (template.yaml's CodeUri). */
    public static final String JAR_DIRECTORY = "functions/lambda/target/lambda/";

    /**
     * The memory and timeout of a function: the template.yaml parameters that set them and their
     * defaults (the small functions take the Globals' {@code DefaultMemoryMB} and {@code DefaultTimeoutSeconds}).
     */
    public enum Sizing {
        SMALL("DefaultMemoryMB", 512, "DefaultTimeoutSeconds", 120),
        TRANSFORM("TransformMemoryMB", 1769, "TransformTimeoutSeconds", 300),
        COMPACT("CompactMemoryMB", 3008, "CompactTimeoutSeconds", 900);

        private final String memoryParameter;
        private final int memoryMb;
        private final String timeoutParameter;
        private final int timeoutSeconds;

        Sizing(String memoryParameter, int memoryMb, String timeoutParameter, int timeoutSeconds) {
            this.memoryParameter = memoryParameter;
            this.memoryMb = memoryMb;
            this.timeoutParameter = timeoutParameter;
            this.timeoutSeconds = timeoutSeconds;
        }

        public String memoryParameter() {
            return memoryParameter;
        }

        /** The parameter's default in template.yaml. */
        public int memoryMb() {
            return memoryMb;
        }

        public String timeoutParameter() {
            return timeoutParameter;
        }

        /** The parameter's default in template.yaml. */
        public int timeoutSeconds() {
            return timeoutSeconds;
        }

        /** Set on the function itself, or inherited from the template's Globals. */
        public boolean global() {
            return this == SMALL;
        }
    }

    /** How a function's cost grows with a run (docs/cost.md; the cost model's shape of each function). */
    public enum Cost {
        /** Once per run, work independent of the dump's size (to first order): docs/cost-model.yaml functions.<name>. */
        FIXED,
        /** Once per chunk, work proportional to the chunk's bytes (the transform benchmark). */
        PER_CHUNK,
        /** Once per run, work proportional to the rows compacted (the compaction benchmark). */
        PER_ROW
    }

    /**
     * The artifacts a function's deployment jar leaves out (maven-shade-plugin {@code artifactSet}
     * excludes in functions/lambda/pom.xml): what it never loads. Named by group, so an entry reads
     * as the capabilities the function does without.
     */
    static final class Excludes {
        /** java.time support for the local stores' JSON files: the Lambda stores are DynamoDB. */
        static final List<String> EVERY_JAR = List.of("com.fasterxml.jackson.datatype:jackson-datatype-jsr310");
        static final List<String> S3 = List.of("software.amazon.awssdk:s3", "software.amazon.awssdk:aws-xml-protocol",
                "software.amazon.awssdk:arns");
        static final List<String> GLUE = List.of("software.amazon.awssdk:glue");
        /** Step Functions: only record-run asks it (whether the execution holding a run still runs). */
        static final List<String> SFN = List.of("software.amazon.awssdk:sfn");
        static final List<String> DYNAMODB = List.of("software.amazon.awssdk:dynamodb");
        /** The Parquet codecs and statistics a function that writes no Parquet does not need. */
        static final List<String> PARQUET_CODECS = List.of("com.github.luben:zstd-jni", "org.xerial.snappy:snappy-java",
                "io.airlift:aircompressor", "org.locationtech.jts:jts-core", "commons-pool:commons-pool");
        static final List<String> PARQUET = Stream.concat(Stream.of("org.apache.parquet:*"), PARQUET_CODECS.stream()).toList();
        /** YAML contracts are read only where a contract is loaded (plan, transform). */
        static final List<String> YAML = List.of("com.fasterxml.jackson.dataformat:jackson-dataformat-yaml", "org.yaml:snakeyaml");

        private Excludes() {}

        static Set<String> without(String... groups) {
            Set<String> out = new TreeSet<>(EVERY_JAR);
            for (String g : groups) {
                out.addAll(switch (g) {
                    case "s3" -> S3;
                    case "glue" -> GLUE;
                    case "sfn" -> SFN;
                    case "dynamodb" -> DYNAMODB;
                    case "parquet" -> PARQUET;
                    case "parquet-codecs" -> PARQUET_CODECS;
                    case "yaml" -> YAML;
                    default -> throw new IllegalArgumentException("unknown exclusion group " + g);
                });
            }
            return Set.copyOf(out);
        }
    }

    private final String functionName;
    private final Sizing sizing;
    private final Cost cost;
    private final Set<String> shadeExcludes;

    LambdaFunction(String functionName, Sizing sizing, Cost cost, Set<String> shadeExcludes) {
        this.functionName = functionName;
        this.sizing = sizing;
        this.cost = cost;
        this.shadeExcludes = shadeExcludes;
    }

    /** The function's name: in the workflow and the template, its jar's base name, its metric dimension. */
    public String functionName() {
        return functionName;
    }

    /** {@code record-run} -> {@code RecordRun}. */
    public String pascalName() {
        StringBuilder b = new StringBuilder();
        for (String part : functionName.split("-")) {
            b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
        }
        return b.toString();
    }

    public String handlerClass() {
        return "io.sensoretl.lambda." + pascalName() + "Handler";
    }

    /** The {@code io.sensoretl.lambda.priming.Priming} its handler registers for SnapStart. */
    public String primingClass() {
        return "io.sensoretl.lambda.priming." + pascalName() + "Priming";
    }

    /** The function's logical id in template.yaml. */
    public String templateResource() {
        return pascalName() + "Function";
    }

    /** The substitution that names the function in the state machine definition. */
    public String substitution() {
        return templateResource() + "Arn";
    }

    public String jarName() {
        return functionName + ".jar";
    }

    /** template.yaml's CodeUri of the function. */
    public String codeUri() {
        return JAR_DIRECTORY + jarName();
    }

    /** The size budget of this function's deployment jar, in bytes: the same for every function. */
    public long maxJarBytes() {
        return MAX_JAR_BYTES;
    }

    public Sizing sizing() {
        return sizing;
    }

    public Cost cost() {
        return cost;
    }

    /** The artifacts its deployment jar leaves out (the shade execution {@code lambda-<name>}). */
    public Set<String> shadeExcludes() {
        return shadeExcludes;
    }

    public static Optional<LambdaFunction> named(String name) {
        return Arrays.stream(values()).filter(f -> f.functionName.equals(name)).findFirst();
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(LambdaFunction::functionName).toList();
    }
}
