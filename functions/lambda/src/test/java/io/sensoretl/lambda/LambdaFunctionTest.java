package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.lambda.priming.Priming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LambdaFunctionTest {

    @Test
    void everyHandlerHasADeploymentJar() throws IOException {
        Path lambda = Path.of("target", "classes", "io", "sensoretl", "lambda");
        List<String> handlers;
        try (Stream<Path> files = Files.list(lambda)) {
            handlers = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Handler.class"))
                    .map(n -> "io.sensoretl.lambda." + n.substring(0, n.length() - ".class".length())).sorted().toList();
        }
        assertThat(handlers).as("handlers in io.sensoretl.lambda; a new one needs a LambdaFunction entry, a shade "
                + "execution and a pruner argument in functions/lambda/pom.xml, and a Priming registered by its constructor")
                .containsExactlyInAnyOrderElementsOf(Stream.of(LambdaFunction.values()).map(LambdaFunction::handlerClass).toList());
    }

    @ParameterizedTest
    @EnumSource(LambdaFunction.class)
    void namesAResolvableHandlerAndPriming(LambdaFunction f) throws Exception {
        assertThat(RequestStreamHandler.class.isAssignableFrom(Class.forName(f.handlerClass()))).isTrue();
        assertThat(Priming.class.isAssignableFrom(Class.forName(f.primingClass()))).isTrue();
        assertThat(LambdaFunction.named(f.functionName())).contains(f);
        assertThat(f.maxJarBytes()).isLessThanOrEqualTo(21_000_000L);
    }
}
