package io.sensoretl.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TransformBenchTest {

    /** The JVM the benchmark says the Lambda runs is the one template.yaml configures. */
    @Test
    void lambdaJvmOptionsAreTheTemplates() throws Exception {
        String template = Files.readString(Path.of("..", "template.yaml"));
        Matcher m = Pattern.compile("(?m)^\\s*JAVA_TOOL_OPTIONS:\\s*(.+)$").matcher(template);
        assertThat(m.find()).as("template.yaml sets JAVA_TOOL_OPTIONS").isTrue();
        List<String> options = List.of(m.group(1).trim().split("\\s+"));
        assertThat(options).containsAll(TransformBench.LAMBDA_JVM);
    }
}
