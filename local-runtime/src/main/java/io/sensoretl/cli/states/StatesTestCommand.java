package io.sensoretl.cli.states;

import io.sensoretl.asl.conformance.ConformanceReport;
import io.sensoretl.asl.conformance.ConformanceVector;
import io.sensoretl.asl.conformance.VectorOutcome;
import io.sensoretl.asl.conformance.VectorRunner;
import io.sensoretl.asl.json.Json;
import io.sensoretl.cli.UserError;
import io.sensoretl.local.LocalS3;
import io.sensoretl.local.SdkObjectStore;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** `states test`: runs every recorded vector of a folder and reports pass counts per feature. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = "Run every conformance vector (*.json) in a folder against the engine; S3 objects are served "
                + "by an embedded S3 server, Lambda behaviours by in-process handlers.")
final class StatesTestCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<folder>", description = "Folder of vector files")
    Path folder;

    @Option(names = "--json", description = "Print one JSON report: schemaVersion, total, passed, failed, byFeature, failures.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(folder)) {
            throw new UserError("not a folder: " + folder);
        }
        List<Path> files = ConformanceVector.files(folder);
        List<ConformanceVector> vectors = new ArrayList<>();
        for (Path f : files) {
            try {
                ConformanceVector v = ConformanceVector.read(f);
                if (v.definition() != null && v.expected() != null) {
                    vectors.add(v);
                }
            } catch (RuntimeException e) {
                throw new UserError(f + " is not a vector file: " + e.getMessage());
            }
        }
        if (vectors.isEmpty()) {
            throw new UserError("no vector files in " + folder);
        }
        QuietLogging.apply();
        PrintWriter out = spec.commandLine().getOut();
        ExecutorService executor = Executors.newFixedThreadPool(4);
        List<VectorOutcome> outcomes = new ArrayList<>();
        boolean needsS3 = vectors.stream().anyMatch(ConformanceVector::usesS3);
        try (LocalS3 s3 = needsS3 ? LocalS3.startInMemory() : null) {
            VectorRunner runner = new VectorRunner(s3 == null ? null : new SdkObjectStore(s3.client()), executor);
            for (ConformanceVector v : vectors) {
                VectorOutcome o = runner.run(v);
                outcomes.add(o);
                if (!json) {
                    out.println((o.passed() ? "PASS " : "FAIL ") + o.name()
                            + (o.passed() ? "" : "  " + String.join("; ", o.mismatches())));
                }
            }
        } finally {
            executor.shutdownNow();
        }
        ConformanceReport report = new ConformanceReport(outcomes);
        if (json) {
            out.println(io.sensoretl.cli.JsonOutput.document(report.toJson()));
        } else {
            out.print(report.summaryText());
        }
        out.flush();
        return report.passed() == outcomes.size() ? 0 : 1;
    }
}
