package io.sensoretl.query;

import io.sensoretl.catalog.Column;
import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.TableSpec;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunsTable;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalPaths;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tables a local query sees, built the way Athena sees them: {@code readings} and
 * {@code rejects} are views over exactly the partitions the local catalog has registered (each
 * partition's files at its registered location, {@code dt} from the catalog), with the column types
 * of the table definition; {@code runs} is the local run ledger as rows of {@link RunsTable}. Files
 * written but not registered are invisible, as in Athena.
 */
final class LocalTables {
    private final DataDir dataDir;
    private final Map<String, Integer> partitions = new LinkedHashMap<>();

    LocalTables(DataDir dataDir) {
        this.dataDir = dataDir;
    }

    void register(Connection db) throws SQLException {
        String root = "s3://" + DataDir.DATA_BUCKET + "/";
        LocalPartitionCatalog catalog = new LocalPartitionCatalog(dataDir.stores());
        for (TableSpec spec : List.of(CuratedTables.readings(root), CuratedTables.rejects(root))) {
            List<PartitionState> registered = registered(catalog, spec.name());
            partitions.put(spec.name(), registered.size());
            execute(db, "CREATE OR REPLACE TEMP VIEW " + spec.name() + " AS " + partitionedView(spec, registered));
        }
        registerRuns(db);
    }

    /** How many partitions of each partitioned table are visible. */
    Map<String, Integer> partitions() {
        return Map.copyOf(partitions);
    }

    private static List<PartitionState> registered(LocalPartitionCatalog catalog, String table) {
        try {
            return catalog.listPartitions(table);
        } catch (IllegalStateException noTableYet) {
            // the table is created by the first compaction; before that it has no partitions
            return List.of();
        }
    }

    private String partitionedView(TableSpec spec, List<PartitionState> registered) {
        List<String> branches = new ArrayList<>();
        for (PartitionState p : registered) {
            List<Path> files = files(spec.name(), p);
            if (files.isEmpty()) {
                continue;
            }
            StringBuilder list = new StringBuilder("[");
            for (Path f : files) {
                list.append(list.length() > 1 ? ", " : "").append(literal(f.toString()));
            }
            list.append(']');
            StringBuilder select = new StringBuilder("SELECT ");
            for (Column c : spec.columns()) {
                select.append(cast(c.name(), c.type())).append(", ");
            }
            select.append(literal(p.dt())).append(" AS dt FROM read_parquet(").append(list)
                    .append(", union_by_name = true)");
            branches.add(select.toString());
        }
        if (branches.isEmpty()) {
            StringBuilder empty = new StringBuilder("SELECT ");
            for (Column c : spec.columns()) {
                empty.append("CAST(NULL AS ").append(DuckDbTypes.of(c.type())).append(") AS ").append(c.name()).append(", ");
            }
            return empty.append("CAST(NULL AS VARCHAR) AS dt WHERE false").toString();
        }
        return String.join("\nUNION ALL\n", branches);
    }

    /** Parquet timestamps are UTC instants (TIMESTAMPTZ in DuckDB); Athena shows them as UTC timestamps. */
    private static String cast(String column, String hiveType) {
        return "CAST(" + column + " AS " + DuckDbTypes.of(hiveType) + ") AS " + column;
    }

    /**
     * The data files of a partition: every file below its location except hidden ones (names starting
     * with "." or "_", which Athena skips too: in-flight uploads, markers).
     */
    private List<Path> files(String table, PartitionState p) {
        Path dir = directory(table, p);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> !dir.relativize(f).toString().matches("(^|.*[/\\\\])[._].*"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new QueryException("cannot list partition dt=" + p.dt() + " of " + table + " at " + dir + ": " + e.getMessage());
        }
    }

    /** A registered location as a local directory: file URIs as they are, s3:// URIs in the local S3 backend. */
    private Path directory(String table, PartitionState p) {
        String location = p.location();
        if (location.startsWith("file:")) {
            return Path.of(URI.create(location));
        }
        if (location.startsWith("s3://")) {
            return LocalPaths.of(dataDir, location);
        }
        throw new QueryException("partition dt=" + p.dt() + " of " + table + " has location " + location
                + ", which is neither file: nor s3:// (registered in " + dataDir.stores().resolve("catalog") + ")");
    }

    private void registerRuns(Connection db) throws SQLException {
        StringBuilder create = new StringBuilder("CREATE OR REPLACE TEMP TABLE " + RunsTable.NAME + " (");
        StringBuilder insert = new StringBuilder("INSERT INTO " + RunsTable.NAME + " VALUES (");
        for (int i = 0; i < RunsTable.COLUMNS.size(); i++) {
            Map.Entry<String, String> c = RunsTable.COLUMNS.get(i);
            String type = DuckDbTypes.of(c.getValue());
            create.append(i == 0 ? "" : ", ").append(c.getKey()).append(' ').append(type);
            // every value travels as text (lists as JSON) and is cast by DuckDB, as the JSON SerDe reads the export
            insert.append(i == 0 ? "" : ", ").append(c.getValue().startsWith("array")
                    ? "CAST(CAST(? AS JSON) AS " + type + ")" : "CAST(? AS " + type + ")");
        }
        execute(db, create.append(')').toString());
        List<RunRecord> runs = new LocalRunLedger(dataDir.stores(), Clock.systemUTC(), Duration.ofHours(6)).all();
        try (PreparedStatement st = db.prepareStatement(insert.append(')').toString())) {
            for (RunRecord r : runs) {
                int i = 1;
                for (Object v : RunsTable.row(r).values()) {
                    st.setString(i++, v == null ? null : v instanceof List<?> l ? listJson(l) : v.toString());
                }
                st.addBatch();
            }
            if (!runs.isEmpty()) {
                st.executeBatch();
            }
        }
    }

    private static String listJson(List<?> values) {
        StringBuilder sb = new StringBuilder("[");
        for (Object v : values) {
            sb.append(sb.length() > 1 ? "," : "").append('"').append(v.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append(']').toString();
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement()) {
            st.execute(sql);
        }
    }

    private static String literal(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}
