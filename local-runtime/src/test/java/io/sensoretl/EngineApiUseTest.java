package io.sensoretl;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.cli.SensorEtl;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * local-runtime runs the ASL engine on the class path, where module-info does not restrict anything; this
 * keeps it to the packages the engine's module exports (its API), checked on the compiled classes with jdeps.
 */
class EngineApiUseTest {
    private static final Pattern EDGE = Pattern.compile("^\\s+(\\S+)\\s+->\\s+(io\\.sensoretl\\.asl\\S*)\\s.*$");

    private static Path location(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static Set<String> exportedByEngine() throws Exception {
        Path classes = location(AslEngine.class);
        ModuleReference engine = ModuleFinder.of(classes).findAll().stream().findFirst()
                .orElseThrow(() -> new AssertionError("asl-engine has no module-info at " + classes));
        return engine.descriptor().exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet());
    }

    private static Set<String> enginePackagesUsedBy(Path classes) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is not in this JDK"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("-verbose:package", "--multi-release", "17", "-cp",
                System.getProperty("java.class.path"), classes.toString()));
        int rc = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertThat(rc).as("jdeps: %s%s", err, out).isZero();
        Set<String> used = new TreeSet<>();
        for (String line : out.toString().split("\n")) {
            Matcher m = EDGE.matcher(line);
            if (m.matches() && !m.group(1).startsWith("io.sensoretl.asl")) {
                used.add(m.group(2));
            }
        }
        return used;
    }

    @Test
    void localRuntimeUsesOnlyTheEnginesExportedPackages() throws Exception {
        Set<String> exported = exportedByEngine();
        Set<String> used = new TreeSet<>(enginePackagesUsedBy(location(SensorEtl.class)));
        used.addAll(enginePackagesUsedBy(location(EngineApiUseTest.class)));
        assertThat(used).as("engine packages local-runtime uses").contains("io.sensoretl.asl.engine");
        assertThat(used).as("engine packages local-runtime uses that the engine does not export").isSubsetOf(exported);
    }
}
