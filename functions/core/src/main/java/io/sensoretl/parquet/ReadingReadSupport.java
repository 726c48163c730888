package io.sensoretl.parquet;

import io.sensoretl.reading.Reading;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.InitContext;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.io.api.RecordMaterializer;
import org.apache.parquet.schema.MessageType;

/** Materialises curated Parquet rows back into {@link Reading}s (used by compaction). */
final class ReadingReadSupport extends ReadSupport<Reading> {

    @Override
    public ReadContext init(InitContext context) {
        return new ReadContext(ReadingSchema.READINGS);
    }

    @Override
    public RecordMaterializer<Reading> prepareForRead(
            Configuration conf, Map<String, String> meta, MessageType fileSchema, ReadContext ctx) {
        return new Materializer();
    }

    @Override
    public RecordMaterializer<Reading> prepareForRead(
            ParquetConfiguration conf, Map<String, String> meta, MessageType fileSchema, ReadContext ctx) {
        return new Materializer();
    }

    private static final class Materializer extends RecordMaterializer<Reading> {
        private final Row row = new Row();

        @Override
        public Reading getCurrentRecord() {
            return row.toReading();
        }

        @Override
        public GroupConverter getRootConverter() {
            return row;
        }
    }

    /** Mutable scratch row, reset per record; only the immutable {@link Reading} escapes. */
    private static final class Row extends GroupConverter {
        String sensorId;
        long ts;
        String metric;
        double value;
        String unit;
        Double lat;
        Double lon;
        Map<String, String> attributes;
        String sourceKey;
        String runId;
        private final Converter[] fields = {
            strings(v -> sensorId = v),
            new PrimitiveConverter() {
                @Override
                public void addLong(long v) {
                    ts = v;
                }
            },
            strings(v -> metric = v),
            new PrimitiveConverter() {
                @Override
                public void addDouble(double v) {
                    value = v;
                }
            },
            strings(v -> unit = v),
            new PrimitiveConverter() {
                @Override
                public void addDouble(double v) {
                    lat = v;
                }
            },
            new PrimitiveConverter() {
                @Override
                public void addDouble(double v) {
                    lon = v;
                }
            },
            new AttributesConverter(this),
            strings(v -> sourceKey = v),
            strings(v -> runId = v),
        };

        @Override
        public Converter getConverter(int fieldIndex) {
            return fields[fieldIndex];
        }

        @Override
        public void start() {
            sensorId = metric = unit = sourceKey = runId = null;
            lat = lon = null;
            attributes = null;
        }

        @Override
        public void end() {}

        Reading toReading() {
            return new Reading(sensorId, ts, metric, value, unit, lat, lon,
                    attributes == null ? Map.of() : attributes, sourceKey, runId);
        }
    }

    private static final class AttributesConverter extends GroupConverter {
        private final Row row;
        private String key;
        private String value;
        private final GroupConverter entry = new GroupConverter() {
            private final Converter[] kv = {strings(v -> key = v), strings(v -> value = v)};

            @Override
            public Converter getConverter(int fieldIndex) {
                return kv[fieldIndex];
            }

            @Override
            public void start() {
                key = null;
                value = null;
            }

            @Override
            public void end() {
                row.attributes.put(key, value);
            }
        };

        AttributesConverter(Row row) {
            this.row = row;
        }

        @Override
        public Converter getConverter(int fieldIndex) {
            return entry;
        }

        @Override
        public void start() {
            row.attributes = new LinkedHashMap<>();
        }

        @Override
        public void end() {}
    }

    private interface StringSink {
        void accept(String value);
    }

    private static PrimitiveConverter strings(StringSink sink) {
        return new PrimitiveConverter() {
            @Override
            public void addBinary(Binary v) {
                sink.accept(v.toStringUsingUTF8());
            }
        };
    }
}
