package io.sensoretl.cli.pipeline;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunOptions;
import io.sensoretl.local.RunReport;
import io.sensoretl.local.SampleQuery;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.sync.RequestBody;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run the whole pipeline locally on the bundled sample dump (5,000 readings, some of them bad), "
                + "then show where the curated Parquet is, what was rejected and why, and a sample query.",
            "Run it twice: the second upload of the same object is recognised and not processed again."})
public final class DemoCommand implements Callable<Integer> {
    static final String SAMPLE = "sample/sensor-dump.ndjson";
    static final String KEY = DataDir.UPLOAD_PREFIX + "sample/sensor-dump.ndjson";

    @Option(names = "--json", description = "Print the run report, the query and rejects by reason as one JSON object.")
    boolean json;

    @Mixin
    LocalRuntimeOptions local;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        RunReport report;
        try (LocalServices stack = local.start(json)) {
            byte[] sample = sample();
            stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY), RequestBody.fromBytes(sample));
            if (!json) {
                out.printf("local S3 %s and SQS %s on 127.0.0.1, data in %s%n", stack.s3Endpoint(),
                        stack.sqsEndpoint(), stack.dataDir().root());
                out.flush();
            }
            report = RunCommand.execute(stack, new Uploads.Location(DataDir.SOURCE_BUCKET, KEY), RunOptions.DEFAULTS,
                    io.sensoretl.local.LocalPipeline.Settings.defaults(), json);
        }
        SampleQuery query = new SampleQuery(local.dataDir());
        // the demo's run only: other runs in the same data dir are not the sample's
        SampleQuery.Result perDay = query.readingsPerDayAndMetric(report.runId());
        Map<String, Long> rejects = query.rejectsByReason(report.runId());
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("run", report);
            o.put("query", Map.of("sql", perDay.sql() == null ? "" : perDay.sql(), "rows", perDay.rows()));
            o.put("rejectsByReason", rejects);
            out.println(JsonOutput.document(o));
            return RunReport.FAILED.equals(report.outcome()) ? 1 : 0;
        }
        RunReportText.print(report, out);
        if (RunReport.FAILED.equals(report.outcome())) {
            return 1;
        }
        out.println();
        out.println("curated readings of this run, " + report.runId() + " (DuckDB over the Parquet the catalog points at):");
        printTable(perDay.rows(), out);
        out.println();
        out.println("rejected records of this run by reason (every run's are queryable in " + report.rejectsPath() + "):");
        rejects.forEach((reason, n) -> out.printf("  %-28s %,d%n", reason, n));
        out.println();
        out.println("next: ./sensor-etl run <your-dump.ndjson>   ./sensor-etl dlq list   ./sensor-etl serve");
        return 0;
    }

    private static byte[] sample() {
        try (InputStream in = DemoCommand.class.getClassLoader().getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled sample " + SAMPLE + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled sample " + SAMPLE, e);
        }
    }

    private static void printTable(List<Map<String, Object>> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("  (no curated readings)");
            return;
        }
        List<String> columns = List.copyOf(rows.get(0).keySet());
        StringBuilder header = new StringBuilder("  ");
        columns.forEach(c -> header.append(String.format("%-14s", c)));
        out.println(header.toString().stripTrailing());
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            columns.forEach(c -> line.append(String.format("%-14s", row.get(c))));
            out.println(line.toString().stripTrailing());
        }
    }
}
