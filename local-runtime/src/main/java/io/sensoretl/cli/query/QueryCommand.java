package io.sensoretl.cli.query;

import io.sensoretl.cli.UserError;
import io.sensoretl.local.DataDir;
import io.sensoretl.query.AthenaQueryEngine;
import io.sensoretl.query.LocalQueryEngine;
import io.sensoretl.query.QueryEngine;
import io.sensoretl.query.QueryException;
import io.sensoretl.query.QueryFile;
import io.sensoretl.query.QueryResult;
import io.sensoretl.query.QueryRunner;
import io.sensoretl.query.QuerySource;
import io.sensoretl.query.ResultFormat;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.AthenaClientBuilder;

@Command(name = "query", mixinStandardHelpOptions = true,
        description = {"Run an Athena (Trino) SQL query locally with DuckDB over the partitions the local catalog has "
                + "registered, or on Amazon Athena (--on athena).",
            "Tables: readings, rejects, runs. See docs/queries.md."})
public final class QueryCommand implements Callable<Integer> {

    enum Target { local, athena }

    @Parameters(index = "0", paramLabel = "<sql|file>",
            description = "A .sql file (e.g. athena-queries/queries/daily_aggregates.sql) or the SQL text itself.")
    String query;

    @Option(names = "--param", paramLabel = "name=value",
            description = "A value for a parameter the query declares (-- @param ...); repeatable.")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--format", defaultValue = "table", description = "table, csv or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--json", description = "Same as --format json.")
    boolean json;

    @Option(names = "--data-dir", defaultValue = ".sensor-etl",
            description = "Local state directory (local queries). Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(names = "--on", defaultValue = "local", description = "Where to run: local or athena. Default: ${DEFAULT-VALUE}.")
    Target on;

    @Option(names = "--workgroup", description = "Athena workgroup (required with --on athena).")
    String workgroup;

    @Option(names = "--database", defaultValue = "sensor_etl",
            description = "Glue database holding the tables (--on athena). Default: ${DEFAULT-VALUE}.")
    String database;

    @Option(names = "--region", description = "AWS region (--on athena); default: the SDK's region chain (AWS_REGION, profile).")
    String region;

    @Option(names = "--output-location", description = "s3:// location for results, if the workgroup does not set one.")
    String outputLocation;

    @Option(names = "--endpoint-url", description = "Athena endpoint override (VPC endpoints, tests).")
    URI endpoint;

    @Override
    public Integer call() {
        ResultFormat output = json ? ResultFormat.JSON : format(format);
        QueryFile file = load(query);
        try (QueryEngine engine = engine()) {
            QueryResult result = QueryRunner.run(engine, file, params);
            output.write(result, System.out);
            if (output == ResultFormat.TABLE) {
                System.err.println(summary(engine, result));
            }
            return 0;
        } catch (QueryException e) {
            throw new UserError(e.getMessage());
        }
    }

    private QueryEngine engine() {
        if (on == Target.athena) {
            if (workgroup == null || workgroup.isBlank()) {
                throw new UserError("--on athena needs --workgroup (the Athena workgroup to run in)");
            }
            AthenaClientBuilder b = AthenaClient.builder().httpClient(UrlConnectionHttpClient.create());
            if (region != null) {
                b.region(Region.of(region));
            }
            if (endpoint != null) {
                b.endpointOverride(endpoint);
            }
            return new AthenaQueryEngine(b.build(), new AthenaQueryEngine.Settings(workgroup, database, outputLocation),
                    Thread::sleep);
        }
        DataDir dir = new DataDir(dataDir);
        if (!Files.isDirectory(dir.root())) {
            throw new UserError("no local data in " + dir.root() + " (run ./sensor-etl demo or run first, or pass --data-dir)");
        }
        try {
            return new LocalQueryEngine(dir);
        } catch (QueryException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** A single token ending in .sql, or naming an existing file, is a file; anything else is SQL text. */
    static QueryFile load(String query) {
        String q = query.strip();
        boolean oneToken = !q.isEmpty() && q.chars().noneMatch(Character::isWhitespace);
        try {
            if (oneToken && (q.endsWith(".sql") || Files.isRegularFile(Path.of(q)))) {
                if (!Files.isRegularFile(Path.of(q))) {
                    throw new UserError("no such query file: " + q);
                }
                return QueryFile.read(Path.of(q));
            }
            return QueryFile.parse(new QuerySource("<inline>", query));
        } catch (QueryException e) {
            throw new UserError(e.getMessage());
        } catch (java.nio.file.InvalidPathException e) {
            return QueryFile.parse(new QuerySource("<inline>", query));
        }
    }

    private static ResultFormat format(String f) {
        return switch (f) {
            case "table" -> ResultFormat.TABLE;
            case "csv" -> ResultFormat.CSV;
            case "json" -> ResultFormat.JSON;
            default -> throw new UserError("--format must be table, csv or json, got " + f);
        };
    }

    private static String summary(QueryEngine engine, QueryResult result) {
        QueryResult.Statistics s = result.statistics();
        if (engine instanceof LocalQueryEngine local) {
            return "local (DuckDB), " + s.elapsedMillis() + " ms; registered partitions visible: " + local.visiblePartitions();
        }
        return "athena query " + s.queryId() + ", " + s.elapsedMillis() + " ms, "
                + (s.bytesScanned() == null ? "bytes scanned unknown" : s.bytesScanned() + " bytes scanned");
    }
}
