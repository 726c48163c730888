package io.sensoretl.contract;

/** How curated output is partitioned. Only the UTC day of the reading time ({@code dt=YYYY-MM-DD}) for now. */
public enum Partitioning {
    DAY("dt");

    private final String column;

    Partitioning(String column) {
        this.column = column;
    }

    /** The Hive partition column name used in object keys and the catalog. */
    public String column() {
        return column;
    }
}
