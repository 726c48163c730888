package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.aws.AwsClients;
import io.sensoretl.lambda.priming.Priming;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The registry of functions against the code and the build: every handler class of this package has
 * an entry, every entry's handler and priming exist, no handler depends on a priming, and
 * functions/lambda/pom.xml builds one jar per entry with the entry's excludes and pruner entry points.
 */
class LambdaFunctionTest {
    private static final Path CLASSES = Path.of("target", "classes", "io", "sensoretl", "lambda");

    private static List<String> classesIn(Path dir, String suffix, String pkg) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(suffix + ".class"))
                    .map(n -> pkg + "." + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
    }

    @Test
    void everyHandlerAndEveryPrimingBelongsToARegisteredFunction() throws IOException {
        assertThat(classesIn(CLASSES, "Handler", "io.sensoretl.lambda"))
                .as("handlers in io.sensoretl.lambda; a new one needs a LambdaFunction entry (then this test and"
                        + " FunctionRegistryTemplateTest say what else)")
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(LambdaFunction.values()).map(LambdaFunction::handlerClass).toList());
        assertThat(classesIn(CLASSES.resolve("priming"), "Priming", "io.sensoretl.lambda.priming"))
                .containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of(Priming.class.getName()),
                        Arrays.stream(LambdaFunction.values()).map(LambdaFunction::primingClass)).toList());
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void theHandlerIsALambdaEntryPointAndThePrimingCanBeCreatedByName(LambdaFunction f) throws Exception {
        Class<?> handler = Class.forName(f.handlerClass());
        assertThat(RequestStreamHandler.class).isAssignableFrom(handler);
        assertThat(Modifier.isPublic(handler.getConstructor().getModifiers())).as("Lambda's no-argument constructor").isTrue();
        Object priming = Class.forName(f.primingClass()).getConstructor().newInstance();
        assertThat(priming).isInstanceOf(Priming.class);
    }

    /** Primings depend on handlers, never the reverse: no class of io.sensoretl.lambda mentions the priming package. */
    @Test
    void noHandlerRefersToAPriming() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.list(CLASSES)) {
            // the registry itself derives the primings' names
            for (Path p : files.filter(p -> p.toString().endsWith(".class"))
                    .filter(p -> !p.getFileName().toString().startsWith("LambdaFunction")).toList()) {
                String constants = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                if (constants.contains("io/sensoretl/lambda/priming/") || constants.contains("io.sensoretl.lambda.priming.")) {
                    offenders.add(p.getFileName().toString());
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void theWorstCaseOfOneSdkCallIsAtMostAThirdOfTheFunctionsTimeout(LambdaFunction f) {
        assertThat(AwsClients.worstCaseCall().multipliedBy(3)).isLessThanOrEqualTo(Duration.ofSeconds(f.sizing().timeoutSeconds()));
    }

    @Test
    void namesAreDerivedFromTheFunctionName() {
        assertThat(LambdaFunction.LATEST_READINGS.handlerClass()).isEqualTo("io.sensoretl.lambda.LatestReadingsHandler");
        assertThat(LambdaFunction.LATEST_READINGS.primingClass()).isEqualTo("io.sensoretl.lambda.priming.LatestReadingsPriming");
        assertThat(LambdaFunction.LATEST_READINGS.templateResource()).isEqualTo("LatestReadingsFunction");
        assertThat(LambdaFunction.LATEST_READINGS.substitution()).isEqualTo("LatestReadingsFunctionArn");
        assertThat(LambdaFunction.LATEST_READINGS.codeUri()).isEqualTo("functions/lambda/target/lambda/latest-readings.jar");
        assertThat(LambdaFunction.named("run-results")).contains(LambdaFunction.RUN_RESULTS);
        assertThat(LambdaFunction.named("aggregate")).isEmpty();
    }

    // ---- functions/lambda/pom.xml against the registry

    /** What the pom says about one jar: its shade excludes and its pruner entry points. */
    record PomJar(Set<String> excludes, String prunerArgument) {}

    static Map<String, PomJar> jarsOf(String pomXml) throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(pomXml.getBytes(StandardCharsets.UTF_8)));
        Map<String, Set<String>> excludes = new LinkedHashMap<>();
        Map<String, String> pruner = new LinkedHashMap<>();
        NodeList executions = pom.getElementsByTagName("execution");
        for (int i = 0; i < executions.getLength(); i++) {
            Element execution = (Element) executions.item(i);
            String id = text(execution, "id");
            if (id != null && id.startsWith("lambda-")) {
                String output = text(execution, "outputFile");
                String jar = output.substring(output.lastIndexOf('/') + 1);
                Set<String> ex = new TreeSet<>();
                NodeList excluded = execution.getElementsByTagName("exclude");
                for (int j = 0; j < excluded.getLength(); j++) {
                    ex.add(excluded.item(j).getTextContent().trim());
                }
                excludes.put(jar, ex);
            }
            if ("prune-lambda-jars".equals(id)) {
                NodeList args = execution.getElementsByTagName("argument");
                for (int j = 0; j < args.getLength(); j++) {
                    String arg = args.item(j).getTextContent().trim();
                    if (arg.startsWith("${lambda.jars}/")) {
                        pruner.put(arg.substring("${lambda.jars}/".length(), arg.indexOf('=')), arg);
                    }
                }
            }
        }
        Map<String, PomJar> out = new LinkedHashMap<>();
        Set<String> jars = new TreeSet<>(excludes.keySet());
        jars.addAll(pruner.keySet());
        jars.forEach(j -> out.put(j, new PomJar(excludes.getOrDefault(j, Set.of()), pruner.get(j))));
        return out;
    }

    private static String text(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        NodeList nested = parent.getElementsByTagName(tag);
        return nested.getLength() == 0 ? null : nested.item(0).getTextContent().trim();
    }

    static List<String> pomProblems(String pomXml) throws Exception {
        Map<String, PomJar> jars = jarsOf(pomXml);
        List<String> problems = new ArrayList<>();
        Set<String> registered = new TreeSet<>(Arrays.stream(LambdaFunction.values()).map(LambdaFunction::jarName).toList());
        if (!jars.keySet().equals(registered)) {
            problems.add("pom.xml builds " + jars.keySet() + ", the registry has " + registered);
        }
        for (LambdaFunction f : LambdaFunction.values()) {
            PomJar jar = jars.get(f.jarName());
            if (jar == null) {
                continue;
            }
            if (!jar.excludes().equals(new TreeSet<>(f.shadeExcludes()))) {
                Set<String> extra = new TreeSet<>(jar.excludes());
                extra.removeAll(f.shadeExcludes());
                Set<String> missing = new TreeSet<>(f.shadeExcludes());
                missing.removeAll(jar.excludes());
                problems.add(f.jarName() + ": shade excludes differ from the registry: not in the registry " + extra
                        + ", missing from the pom " + missing);
            }
            String expected = "${lambda.jars}/" + f.jarName() + "=" + f.handlerClass() + "," + f.primingClass() + ",${lambda.driver}";
            if (!expected.equals(jar.prunerArgument())) {
                problems.add(f.jarName() + ": pruner argument should be " + expected + ", found " + jar.prunerArgument());
            }
        }
        return problems;
    }

    @Test
    void thePomBuildsOneJarPerFunctionWithTheRegistrysExcludesAndEntryPoints() throws Exception {
        assertThat(pomProblems(Files.readString(Path.of("pom.xml")))).isEmpty();
    }

    @Test
    void aPomThatDriftsFromTheRegistryIsReported() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        String withoutGlueExclude = pom.replaceFirst("(?s)(<id>lambda-close-run</id>.*?)<exclude>software.amazon.awssdk:glue</exclude>", "$1");
        assertThat(pomProblems(withoutGlueExclude)).containsExactly("close-run.jar: shade excludes differ from the registry:"
                + " not in the registry [], missing from the pom [software.amazon.awssdk:glue]");
        String withoutPriming = pom.replace(",io.sensoretl.lambda.priming.PlanPriming,", ",");
        assertThat(pomProblems(withoutPriming)).singleElement().asString().startsWith("plan.jar: pruner argument should be");
    }
}
