package io.sensoretl.asl.conformance;

import io.sensoretl.asl.InMemoryObjectStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Developer tool: prints the per-feature report and every failure (run from the IDE or exec:java). */
public final class ConformanceReportMain {
    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args.length > 0 ? args[0] : "../shared/conformance/asl");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        try {
            VectorRunner runner = new VectorRunner(new InMemoryObjectStore(), executor);
            List<VectorOutcome> outcomes = new ArrayList<>();
            for (Path f : ConformanceVector.files(folder)) {
                VectorOutcome o = runner.run(ConformanceVector.read(f));
                outcomes.add(o);
                if (!o.passed()) {
                    System.out.println("FAIL " + o.name() + "\n    " + String.join("\n    ", o.mismatches()));
                }
            }
            System.out.println(new ConformanceReport(outcomes).summaryText());
        } finally {
            executor.shutdownNow();
        }
    }
}
