package io.sensoretl.parquet;

import io.sensoretl.reading.ReadingBatch;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;

/**
 * Writes rows of {@link ReadingBatch} into Parquet's record consumer: the same file as
 * {@link ReadingWriteSupport}, fed from column vectors instead of {@code Reading} objects, so
 * compaction creates no object per row on its way out.
 */
final class ColumnsWriteSupport extends WriteSupport<ColumnsWriteSupport.Row> {
    /** The row to write: a cursor the caller moves, not an object per row. */
    static final class Row {
        ReadingBatch columns;
        int index;
    }

    private RecordConsumer out;
    private final Binaries sensorIds = new Binaries();
    private final Binaries metrics = new Binaries();
    private final Binaries units = new Binaries();
    private final Binaries attributeKeys = new Binaries();
    private final Binaries attributeValues = new Binaries();
    private final Binaries sourceKeys = new Binaries();
    private final Binaries runIds = new Binaries();

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
    public void write(Row row) {
        ReadingBatch c = row.columns;
        int i = row.index;
        out.startMessage();
        string("sensor_id", 0, c.sensorId[i], sensorIds);
        out.startField("ts", 1);
        out.addLong(c.ts[i]);
        out.endField("ts", 1);
        string("metric", 2, c.metric[i], metrics);
        out.startField("value", 3);
        out.addDouble(c.value[i]);
        out.endField("value", 3);
        string("unit", 4, c.unit[i], units);
        if (c.hasLat[i]) {
            out.startField("lat", 5);
            out.addDouble(c.lat[i]);
            out.endField("lat", 5);
        }
        if (c.hasLon[i]) {
            out.startField("lon", 6);
            out.addDouble(c.lon[i]);
            out.endField("lon", 6);
        }
        int from = c.attrStart[i];
        int to = c.attrStart[i + 1];
        if (to > from) {
            out.startField("attributes", 7);
            out.startGroup();
            out.startField("key_value", 0);
            for (int a = from; a < to; a++) {
                out.startGroup();
                string("key", 0, c.attrKey[a], attributeKeys);
                string("value", 1, c.attrValue[a], attributeValues);
                out.endGroup();
            }
            out.endField("key_value", 0);
            out.endGroup();
            out.endField("attributes", 7);
        }
        string("source_key", 8, c.sourceKey[i], sourceKeys);
        string("run_id", 9, c.runId[i], runIds);
        out.endMessage();
    }

    private void string(String name, int index, byte[] value, Binaries binaries) {
        if (value == null) {
            return;
        }
        out.startField(name, index);
        out.addBinary(binaries.of(value));
        out.endField(name, index);
    }

    /**
     * The Binary of the last few arrays of a column, by reference: rows arrive sorted, so a sensor id,
     * the run id, the source key and the few metrics and units repeat from row to row, and their
     * (canonical) arrays are the same objects.
     */
    private static final class Binaries {
        private static final int SLOTS = 8;
        private final byte[][] arrays = new byte[SLOTS][];
        private final Binary[] binaries = new Binary[SLOTS];
        private int next;

        Binary of(byte[] v) {
            for (int s = 0; s < SLOTS; s++) {
                if (arrays[s] == v) {
                    return binaries[s];
                }
            }
            Binary b = Binary.fromConstantByteArray(v);
            arrays[next] = v;
            binaries[next] = b;
            next = (next + 1) % SLOTS;
            return b;
        }
    }
}
