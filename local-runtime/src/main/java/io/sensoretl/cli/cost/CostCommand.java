package io.sensoretl.cli.cost;

import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.cli.ByteSize;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.UserError;
import io.sensoretl.cost.Arch;
import io.sensoretl.cost.CompactBenchmark;
import io.sensoretl.cost.CostAssumptions;
import io.sensoretl.cost.CostEstimate;
import io.sensoretl.cost.CostInputException;
import io.sensoretl.cost.CostModel;
import io.sensoretl.cost.CostRequest;
import io.sensoretl.cost.DataFile;
import io.sensoretl.cost.PriceList;
import io.sensoretl.cost.TransformBenchmark;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cost", mixinStandardHelpOptions = true,
        description = {"Estimate what processing a dump of --size costs on AWS, itemised per service, from the "
                + "transform throughput measured by `bench transform`, the prices in one data file and the model's "
                + "assumptions (docs/cost.md).",
            "Also recommends a memory size per function and compares with a Glue ETL job and with Athena over the raw dump."})
public final class CostCommand implements Callable<Integer> {
    static final Path PRICES = Path.of("docs/prices/us-east-1.yaml");
    static final Path BENCHMARK = Path.of("docs/benchmarks/transform.json");
    static final Path COMPACT_BENCHMARK = Path.of("docs/benchmarks/compact.json");
    static final Path ASSUMPTIONS = Path.of("docs/cost-model.yaml");
    static final Path QUERIES = Path.of("athena-queries/queries");

    @Spec
    CommandSpec spec;

    @Option(names = "--size", required = true, converter = ByteSize.class,
            description = "Dump size: bytes or 500MB, 10GiB, 1TB (GB = 10^9, GiB = 2^30).")
    long size;

    @Option(names = "--memory", paramLabel = "MB",
            description = "Memory of the transform function; default: the recommended size.")
    Integer memory;

    @Option(names = "--arch", defaultValue = "arm64", description = "arm64 or x86_64. Default: ${DEFAULT-VALUE}.")
    String arch;

    @Option(names = "--chunk", converter = ByteSize.class,
            description = "Chunk size the planner cuts (CHUNK_TARGET_BYTES). Default: 64MiB.")
    Long chunk;

    @Option(names = "--slowdown", defaultValue = "10%",
            description = "Memory advice: the cheapest size whose duration is within this of the fastest. Default: ${DEFAULT-VALUE}.")
    String slowdown;

    @Option(names = "--batch", defaultValue = "1",
            description = "Chunks per Express child execution (Distributed Map ItemBatcher). Default: ${DEFAULT-VALUE} (as shipped).")
    int batch;

    @Option(names = "--prices", description = "Price list (YAML). Default: " + "docs/prices/us-east-1.yaml")
    Path prices;

    @Option(names = "--benchmark", description = "Output of `bench transform` (one JSON object). Default: docs/benchmarks/transform.json")
    Path benchmark;

    @Option(names = "--compact-benchmark",
            description = "Output of `bench compact`. Default: docs/benchmarks/compact.json if present, else the assumed speed.")
    Path compactBenchmark;

    @Option(names = "--assumptions", description = "Model assumptions (YAML). Default: docs/cost-model.yaml")
    Path assumptions;

    @Option(names = "--queries", description = "Directory of the shipped Athena queries (*.sql). Default: athena-queries/queries")
    Path queries;

    @Option(names = "--json", description = "Print one JSON object (fields in docs/cost.md).")
    boolean json;

    @Override
    public Integer call() {
        try {
            CostModel model = new CostModel(
                    PriceList.from(DataFile.read(locate(prices, PRICES))),
                    CostAssumptions.from(DataFile.read(locate(assumptions, ASSUMPTIONS))),
                    TransformBenchmark.from(DataFile.read(locate(benchmark, BENCHMARK))),
                    compactBenchmark());
            CostRequest request = new CostRequest(size, chunk == null ? ChunkPlanner.DEFAULT_TARGET_BYTES : chunk,
                    Arch.parse(arch), memory, parseShare(slowdown), batch);
            CostEstimate estimate = model.estimate(request, queries(queries == null ? find(QUERIES) : queries));
            PrintWriter out = spec.commandLine().getOut();
            out.print(json ? JsonOutput.document(CostReport.json(estimate)) + System.lineSeparator() : CostReport.text(estimate));
            out.flush();
            return 0;
        } catch (CostInputException e) {
            throw new UserError(e.getMessage());
        }
    }

    private CompactBenchmark compactBenchmark() {
        Path file = compactBenchmark != null ? compactBenchmark : find(COMPACT_BENCHMARK);
        return file == null ? null : CompactBenchmark.from(DataFile.read(file));
    }

    /** "10%", "10 %" or "0.1". */
    static double parseShare(String text) {
        String t = text.trim();
        try {
            return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UserError("--slowdown expects a percentage like 10% (or a fraction like 0.1), got '" + text + "'");
        }
    }

    /** An explicit path as given; a default is looked up in the working directory and its parents (the repository). */
    private static Path locate(Path explicit, Path fallback) {
        if (explicit != null) {
            return explicit;
        }
        Path found = find(fallback);
        if (found == null) {
            throw new UserError(fallback + " not found in this directory or its parents: run from the repository or pass the file");
        }
        return found;
    }

    private static Path find(Path relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve(relative))) {
                return dir.resolve(relative);
            }
        }
        return null;
    }

    static Map<String, String> queries(Path dir) {
        Map<String, String> sql = new TreeMap<>();
        if (dir == null || !Files.isDirectory(dir)) {
            return sql;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String name = f.getFileName().toString();
                sql.put(name.substring(0, name.length() - 4), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UserError("cannot read the queries in " + dir + ": " + e.getMessage());
        }
        return sql;
    }
}
