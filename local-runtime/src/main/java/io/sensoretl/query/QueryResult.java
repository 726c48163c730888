package io.sensoretl.query;

import java.util.List;

/**
 * What a query returned. Values are Java objects: String, Long, Double, BigDecimal, Boolean,
 * LocalDateTime (timestamps, UTC), LocalDate, List, Map, or {@code null}.
 *
 * @param types engine type names, lower case (e.g. varchar, bigint, double, timestamp)
 */
public record QueryResult(List<String> columns, List<String> types, List<List<Object>> rows, Statistics statistics) {

    public QueryResult {
        columns = List.copyOf(columns);
        types = List.copyOf(types);
        rows = List.copyOf(rows);
    }

    /**
     * @param engine        {@code local} or {@code athena}
     * @param queryId       Athena's query execution id; {@code null} locally
     * @param bytesScanned  bytes Athena scanned (what it bills); {@code null} locally
     * @param elapsedMillis wall time from submission to the last row
     */
    public record Statistics(String engine, String queryId, Long bytesScanned, long elapsedMillis) {}
}
