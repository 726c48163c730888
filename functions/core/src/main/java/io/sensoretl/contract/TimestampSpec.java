package io.sensoretl.contract;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Where the reading time comes from and how to read it. Several fields (e.g. a date and a time
 * column) are joined with one space before parsing. Output is always UTC.
 *
 * @param formatter compiled {@code pattern} (PATTERN only), or {@code null}
 */
public record TimestampSpec(List<FieldRef> fields, TimeEncoding encoding, String pattern, DateTimeFormatter formatter, ZoneId zone) {}
