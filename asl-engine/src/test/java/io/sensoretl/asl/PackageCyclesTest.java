package io.sensoretl.asl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.engine.AslEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The engine's packages form layers: no package reaches back to one that depends on it. */
class PackageCyclesTest {
    static Path engineClasses() throws Exception {
        return Path.of(AslEngine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void enginePackagesHaveNoDependencyCycle() throws Exception {
        PackageGraph graph = PackageGraph.of(engineClasses(), "io.sensoretl.asl.");
        assertThat(graph.edges()).as("jdeps saw the engine's packages")
                .containsKeys("io.sensoretl.asl.engine", "io.sensoretl.asl.runtime", "io.sensoretl.asl.history",
                        "io.sensoretl.asl.task", "io.sensoretl.asl.states");
        assertThat(graph.edges().get("io.sensoretl.asl.engine")).as("jdeps saw edges between them")
                .contains("io.sensoretl.asl.runtime", "io.sensoretl.asl.states");
        assertThat(graph.cycles()).as("package cycles (each group depends on itself through the others)").isEmpty();
    }

    @Test
    void theCheckFindsACycle() {
        PackageGraph graph = new PackageGraph(Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a", "d"),
                "d", Set.of()));
        assertThat(graph.cycles()).isEqualTo(List.of(Set.of("a", "b", "c")));
    }
}
