package io.sensoretl.asl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine's API is what module-info exports, and exactly these public types; everything else is
 * internal. Growing the API is a decision: add the type here and document it in docs/asl-engine.md.
 */
class ModuleApiTest {
    static final Set<String> EXPORTED = Set.of("io.sensoretl.asl.engine", "io.sensoretl.asl.validation",
            "io.sensoretl.asl.history", "io.sensoretl.asl.services", "io.sensoretl.asl.errors", "io.sensoretl.asl.time",
            "io.sensoretl.asl.json", "io.sensoretl.asl.conformance");

    static final Set<String> API = Set.of(
            "engine.AslEngine", "engine.StateMachine", "engine.ExecutionRequest", "engine.ExecutionResult",
            "engine.ExecutionStatus", "engine.Execution", "engine.StateMachineType", "engine.TestStateRequest",
            "engine.TestStateResult",
            "validation.DefinitionValidator", "validation.Problem", "validation.InvalidDefinitionException",
            "history.ExecutionStore", "history.ExecutionRecord", "history.HistoryEvent",
            "services.ObjectStore", "services.ObjectStoreException", "services.MessageQueue", "services.TaskResource",
            "services.TaskRequest", "services.LambdaFunctions", "services.LambdaFunctionError", "services.TaskMocks",
            "services.MockedResponse",
            "errors.FailureException", "errors.StatesErrorName", "errors.TaskTokenException",
            "errors.ExecutionNotRedrivableException",
            "time.TimeSource", "time.SystemTimeSource", "time.VirtualTimeSource", "time.Deadlines",
            "time.DeadlineExceeded",
            "json.Json", "json.JsonEquivalence",
            "conformance.VectorRunner", "conformance.ConformanceVector", "conformance.VectorOutcome",
            "conformance.ConformanceReport");

    private static ModuleDescriptor descriptor() throws Exception {
        try (InputStream in = Files.newInputStream(PackageCyclesTest.engineClasses().resolve("module-info.class"))) {
            return ModuleDescriptor.read(in);
        }
    }

    @Test
    void moduleExportsOnlyTheApiPackagesToEveryoneAndOpensNothing() throws Exception {
        ModuleDescriptor module = descriptor();
        assertThat(module.name()).isEqualTo("io.sensoretl.asl");
        assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).as(e.source()).isFalse());
        assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source)).containsExactlyInAnyOrderElementsOf(EXPORTED);
        assertThat(module.opens()).isEmpty();
        Path root = PackageCyclesTest.engineClasses().resolve("io/sensoretl/asl");
        try (Stream<Path> dirs = Files.list(root)) {
            Set<String> packages = dirs.filter(Files::isDirectory)
                    .map(d -> "io.sensoretl.asl." + d.getFileName()).collect(Collectors.toSet());
            assertThat(packages).as("the engine's packages: the exported ones and internal ones")
                    .containsAll(EXPORTED).contains("io.sensoretl.asl.states", "io.sensoretl.asl.definition",
                            "io.sensoretl.asl.runtime");
        }
    }

    @Test
    void exportedPackagesHoldExactlyTheApiTypesAsPublicTypes() throws Exception {
        Path classes = PackageCyclesTest.engineClasses();
        Set<String> publicTypes = new TreeSet<>();
        for (String pkg : EXPORTED) {
            Path dir = classes.resolve(pkg.replace('.', '/'));
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.getFileName().toString().contains("$"))
                        .collect(Collectors.toList())) {
                    String name = pkg + "." + f.getFileName().toString().replace(".class", "");
                    if (Modifier.isPublic(Class.forName(name).getModifiers())) {
                        publicTypes.add(name.substring("io.sensoretl.asl.".length()));
                    }
                }
            }
        }
        assertThat(publicTypes).containsExactlyInAnyOrderElementsOf(API);
    }
}
