package io.sensoretl.cli.bench;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.UserError;
import io.sensoretl.lambda.LambdaFunction;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "coldstart", mixinStandardHelpOptions = true,
        description = {"Measure the cold starts of the Lambda deployment jars (functions/lambda/target/lambda/<function>.jar).",
            "For each function: a new JVM per run on its jar, fed its first event, timed from process spawn to the "
                + "first result; plain JVM, with C1 only (-XX:TieredStopAtLevel=1), and with C1 + an AppCDS archive "
                + "trained by the function's SnapStart priming (the closest local analogue of a SnapStart restore).",
            "Prints a table, or with --json one object (fields in docs/performance.md)."})
public final class ColdStartBench implements Callable<Integer> {
    static final List<String> C1 = List.of("-XX:TieredStopAtLevel=1");

    @Option(names = "--functions", split = ",", paramLabel = "<name>",
            description = "Functions to measure (default: all): ${COMPLETION-CANDIDATES}.", completionCandidates = Names.class)
    List<String> functions;

    @Option(names = "--runs", defaultValue = "3", description = "Cold starts per function and mode; the median is reported. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--records", defaultValue = "2000", description = "Records in the chunk transform and plan get. Default: ${DEFAULT-VALUE}.")
    int records;

    @Option(names = "--jars", paramLabel = "<dir>", description = "Where the deployment jars are (default: functions/lambda/target/lambda in this checkout).")
    Path jars;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    @Option(names = "--jvm-option", paramLabel = "<option>",
            description = "An extra option for every measured JVM (repeatable; not the training run), for profiling, "
                    + "e.g. -Xlog:startuptime.")
    List<String> jvmOptions = new ArrayList<>();

    static final class Names extends ArrayList<String> {
        Names() {
            super(LambdaFunction.names());
        }
    }

    @Override
    public Integer call() throws Exception {
        if (runs < 1) {
            throw new UserError("--runs must be at least 1, got " + runs);
        }
        Path dir = jars != null ? jars : defaultJars();
        List<LambdaFunction> selected = select();
        for (LambdaFunction f : selected) {
            if (!Files.isRegularFile(dir.resolve(f.jarName()))) {
                throw new UserError("no deployment jar " + dir.resolve(f.jarName())
                        + ": build the jars with ./mvnw -pl functions/lambda -am package -DskipTests");
            }
        }
        double loadBefore = java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path work = Files.createTempDirectory("sensor-etl-coldstart-");
        List<Map<String, Object>> results = new ArrayList<>();
        try (ColdStartEvents events = new ColdStartEvents(work, records)) {
            for (LambdaFunction f : selected) {
                if (!json) {
                    System.err.printf("measuring %s (%d runs per mode)...%n", f.functionName(), runs);
                }
                results.add(measure(f, dir.resolve(f.jarName()), events.of(f), work));
            }
        } finally {
            BenchFiles.deleteTree(work);
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        report.put("osArch", System.getProperty("os.arch"));
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("loadAverageBefore", round(loadBefore));
        report.put("loadAverageAfter", round(java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
        report.put("runs", runs);
        report.put("jarMaxBytes", LambdaFunction.MAX_JAR_BYTES);
        report.put("functions", results);
        if (json) {
            System.out.println(JsonOutput.document(report));
        } else {
            printTable(results);
        }
        return 0;
    }

    private List<LambdaFunction> select() {
        if (functions == null || functions.isEmpty()) {
            return List.of(LambdaFunction.values());
        }
        List<LambdaFunction> out = new ArrayList<>();
        for (String name : functions) {
            out.add(LambdaFunction.named(name.trim()).orElseThrow(() -> new UserError(
                    "unknown function '" + name + "'; known: " + String.join(", ", LambdaFunction.names()))));
        }
        return out;
    }

    private Map<String, Object> measure(LambdaFunction f, Path jar, ColdStartEvents.Invocation invocation, Path work)
            throws Exception {
        Path log = work.resolve(f.functionName() + ".stderr");
        List<FreshJvm.Run> plain = new ArrayList<>();
        List<FreshJvm.Run> c1 = new ArrayList<>();
        List<FreshJvm.Run> cds = new ArrayList<>();
        Path archive = work.resolve(f.functionName() + ".jsa");
        // training run: the priming, as SnapStart runs it before the snapshot; the archive keeps what it loaded
        List<String> training = new ArrayList<>(C1);
        training.add("-XX:ArchiveClassesAtExit=" + archive);
        FreshJvm.run(jar, training, List.of("prime", f.primingClass(), f.functionName()), Map.of(), log);
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("the training run of " + f.functionName() + " wrote no CDS archive; see " + log);
        }
        List<String> withArchive = new ArrayList<>(C1);
        withArchive.add("-XX:SharedArchiveFile=" + archive);
        withArchive.addAll(jvmOptions);
        List<String> plainOptions = List.copyOf(jvmOptions);
        List<String> c1Options = new ArrayList<>(C1);
        c1Options.addAll(jvmOptions);
        for (int i = 0; i < runs; i++) {
            // interleaved, so a burst of load on the machine hits all modes alike
            plain.add(FreshJvm.run(jar, plainOptions, invocation.driverArgs(), invocation.env(), log));
            c1.add(FreshJvm.run(jar, c1Options, invocation.driverArgs(), invocation.env(), log));
            cds.add(FreshJvm.run(jar, withArchive, invocation.driverArgs(), invocation.env(), log));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("function", f.functionName());
        r.put("jar", jar.toString());
        r.put("jarBytes", Files.size(jar));
        r.put("event", invocation.kind());
        r.put("eventDescription", invocation.description());
        r.put("plainMs", median(plain, FreshJvm.Run::firstResultMs));
        r.put("c1Ms", median(c1, FreshJvm.Run::firstResultMs));
        r.put("cdsMs", median(cds, FreshJvm.Run::firstResultMs));
        r.put("plainHandlerMs", median(plain, FreshJvm.Run::invokeMs));
        r.put("cdsHandlerMs", median(cds, FreshJvm.Run::invokeMs));
        r.put("plainCpuMs", median(plain, FreshJvm.Run::cpuMs));
        r.put("c1CpuMs", median(c1, FreshJvm.Run::cpuMs));
        r.put("cdsCpuMs", median(cds, FreshJvm.Run::cpuMs));
        r.put("cdsArchiveBytes", Files.size(archive));
        r.put("plainRunsMs", plain.stream().map(x -> round(x.firstResultMs())).toList());
        r.put("c1RunsMs", c1.stream().map(x -> round(x.firstResultMs())).toList());
        r.put("cdsRunsMs", cds.stream().map(x -> round(x.firstResultMs())).toList());
        r.put("result", plain.get(plain.size() - 1).output());
        return r;
    }

    private static double median(List<FreshJvm.Run> runs, java.util.function.ToDoubleFunction<FreshJvm.Run> metric) {
        double[] v = runs.stream().mapToDouble(metric).sorted().toArray();
        double m = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        return round(m);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static void printTable(List<Map<String, Object>> results) {
        System.out.printf("%-16s %7s %9s %9s %10s %10s  %s%n", "function", "jar MB", "plain ms", "C1 ms", "C1+CDS ms",
                "CDS cpu ms", "first event");
        for (Map<String, Object> r : results) {
            System.out.printf("%-16s %7.1f %9.0f %9.0f %10.0f %10.0f  %s%n", r.get("function"), (long) r.get("jarBytes") / 1e6,
                    (double) r.get("plainMs"), (double) r.get("c1Ms"), (double) r.get("cdsMs"), (double) r.get("cdsCpuMs"),
                    r.get("event"));
        }
    }

    /** functions/lambda/target/lambda beside this module: the CLI runs from local-runtime/target/classes. */
    private static Path defaultJars() throws URISyntaxException {
        Path classes = Path.of(ColdStartBench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path root = classes.getParent().getParent().getParent();
        return root.resolve("functions").resolve("lambda").resolve("target").resolve("lambda");
    }
}
