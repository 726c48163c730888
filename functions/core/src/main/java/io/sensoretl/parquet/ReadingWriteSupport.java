package io.sensoretl.parquet;

import io.sensoretl.reading.Reading;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link Reading}s straight into Parquet's record consumer: no Avro or Group objects per row. */
final class ReadingWriteSupport extends WriteSupport<Reading> {
    private RecordConsumer out;
    private final StringBinaries sensorIds = new StringBinaries();
    private final StringBinaries metrics = new StringBinaries();
    private final StringBinaries units = new StringBinaries();
    private final StringBinaries sourceKeys = new StringBinaries();
    private final StringBinaries runIds = new StringBinaries();
    private final StringBinaries attributeKeys = new StringBinaries();
    private final StringBinaries attributeValues = new StringBinaries();

    @Override
    public WriteContext init(Configuration configuration) {
        return init((ParquetConfiguration) null);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(ReadingSchema.READINGS, Map.of("writer", "sensor-etl"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Reading r) {
        out.startMessage();
        Fields.string(out, "sensor_id", 0, r.sensorId(), sensorIds);
        out.startField("ts", 1);
        out.addLong(r.tsMicros());
        out.endField("ts", 1);
        Fields.string(out, "metric", 2, r.metric(), metrics);
        out.startField("value", 3);
        out.addDouble(r.value());
        out.endField("value", 3);
        Fields.string(out, "unit", 4, r.unit(), units);
        Fields.optionalDouble(out, "lat", 5, r.lat());
        Fields.optionalDouble(out, "lon", 6, r.lon());
        writeAttributes(r.attributes());
        Fields.string(out, "source_key", 8, r.sourceKey(), sourceKeys);
        Fields.string(out, "run_id", 9, r.runId(), runIds);
        out.endMessage();
    }

    private void writeAttributes(Map<String, String> attributes) {
        if (attributes.isEmpty()) {
            return;
        }
        out.startField("attributes", 7);
        out.startGroup();
        out.startField("key_value", 0);
        for (Map.Entry<String, String> e : attributes.entrySet()) {
            out.startGroup();
            out.startField("key", 0);
            out.addBinary(attributeKeys.of(e.getKey()));
            out.endField("key", 0);
            Fields.string(out, "value", 1, e.getValue(), attributeValues);
            out.endGroup();
        }
        out.endField("key_value", 0);
        out.endGroup();
        out.endField("attributes", 7);
    }
}
