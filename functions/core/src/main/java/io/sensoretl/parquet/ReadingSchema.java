package io.sensoretl.parquet;

import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/**
 * The Parquet schemas of the curated readings and the rejects. The Athena DDL in
 * {@code athena-queries/} must stay consistent with these (a test checks it). The partition
 * column {@code dt} lives in the object key (Hive style), not in the files.
 */
public final class ReadingSchema {
    private ReadingSchema() {}

    public static final MessageType READINGS = MessageTypeParser.parseMessageType("""
            message reading {
              required binary sensor_id (STRING);
              required int64 ts (TIMESTAMP(MICROS,true));
              required binary metric (STRING);
              required double value;
              optional binary unit (STRING);
              optional double lat;
              optional double lon;
              optional group attributes (MAP) {
                repeated group key_value {
                  required binary key (STRING);
                  optional binary value (STRING);
                }
              }
              required binary source_key (STRING);
              required binary run_id (STRING);
            }
            """);

    public static final MessageType REJECTS = MessageTypeParser.parseMessageType("""
            message reject {
              required binary source_key (STRING);
              required int64 byte_offset;
              required binary reason (STRING);
              optional binary detail (STRING);
              optional binary raw (STRING);
              required binary run_id (STRING);
            }
            """);
}
