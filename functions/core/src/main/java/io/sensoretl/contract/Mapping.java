package io.sensoretl.contract;

import java.util.List;
import java.util.Map;

/**
 * Maps a source record onto canonical readings. In long form {@code metric}, {@code value} and
 * {@code unit} are fields of the record; in wide form {@code columns} lists the value columns and
 * each becomes one reading. Optional references are {@code null} when the dump lacks them.
 */
public record Mapping(
        Shape shape,
        FieldRef sensorId,
        FieldRef metric,
        FieldRef value,
        FieldRef unit,
        FieldRef lat,
        FieldRef lon,
        Map<String, FieldRef> attributes,
        List<WideColumn> columns) {}
