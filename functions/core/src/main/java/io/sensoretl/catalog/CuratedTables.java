package io.sensoretl.catalog;

import io.sensoretl.parquet.ReadingSchema;
import java.util.List;

/** The two tables sensor-etl registers: curated readings and queryable rejects, both partitioned by {@code dt}. */
public final class CuratedTables {
    private CuratedTables() {}

    public static final String READINGS = "readings";
    public static final String REJECTS = "rejects";
    public static final List<Column> PARTITION_KEYS = List.of(new Column("dt", "string"));

    /** @param root the store's base location ending in '/', e.g. {@code s3://bucket/} */
    public static TableSpec readings(String root) {
        return new TableSpec(READINGS, root + "curated/readings/", HiveTypes.columns(ReadingSchema.READINGS),
                PARTITION_KEYS);
    }

    public static TableSpec rejects(String root) {
        return new TableSpec(REJECTS, root + "curated/rejects/", HiveTypes.columns(ReadingSchema.REJECTS),
                PARTITION_KEYS);
    }
}
