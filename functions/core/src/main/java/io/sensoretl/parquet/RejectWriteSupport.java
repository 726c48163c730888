package io.sensoretl.parquet;

import io.sensoretl.reading.Reject;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.RecordConsumer;

/** Writes {@link Reject}s in the rejects table's shape. */
final class RejectWriteSupport extends WriteSupport<Reject> {
    private RecordConsumer out;

    @Override
    public WriteContext init(Configuration configuration) {
        return init((ParquetConfiguration) null);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(ReadingSchema.REJECTS, Map.of("writer", "sensor-etl"));
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(Reject r) {
        out.startMessage();
        Fields.string(out, "source_key", 0, r.sourceKey());
        Fields.longValue(out, "byte_offset", 1, r.byteOffset());
        Fields.string(out, "reason", 2, r.reason().code());
        Fields.string(out, "detail", 3, r.detail());
        Fields.string(out, "raw", 4, r.raw());
        Fields.string(out, "run_id", 5, r.runId());
        out.endMessage();
    }
}
