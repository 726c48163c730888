package io.sensoretl.parquet;

import io.sensoretl.reading.ReadingBatch;
import io.sensoretl.reading.Utf8Pool;
import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnReader;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.impl.ColumnReadStoreImpl;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.filter2.predicate.FilterApi;
import org.apache.parquet.filter2.predicate.FilterPredicate;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.Converter;
import org.apache.parquet.io.api.GroupConverter;
import org.apache.parquet.io.api.PrimitiveConverter;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;

/**
 * Reads readings from a Parquet file column by column into {@link ReadingBatch}: parquet-java's
 * column readers decode each column's pages, dictionary-encoded strings are turned into canonical
 * arrays once per dictionary entry (not once per row), numbers go straight into primitive arrays.
 * No record materialiser, no object per row. This is the inner loop of compaction.
 *
 * <p>Optionally only row groups and pages whose {@code sensor_id} statistics overlap a range are
 * read (min/max and the column index); rows outside it may still come back, callers filter exactly.
 */
public final class ReadingFile implements Closeable {
    private static final String[] REQUIRED = {"sensor_id", "ts", "metric", "value", "source_key", "run_id"};

    private final String name;
    private final ParquetFooter footer;
    private final ParquetFileReader file;
    private final MessageType schema;
    private final boolean filtered;
    private final Sinks sinks;
    private final Map<String, ColumnDescriptor> columns = new HashMap<>();

    private ColumnReader sensorId;
    private ColumnReader ts;
    private ColumnReader metric;
    private ColumnReader value;
    private ColumnReader unit;
    private ColumnReader lat;
    private ColumnReader lon;
    private ColumnReader attrKey;
    private ColumnReader attrValue;
    private ColumnReader sourceKey;
    private ColumnReader runId;
    private long rowsLeftInGroup;
    private long rowsRead;

    private ReadingFile(String name, ParquetFooter footer, ParquetFileReader file, boolean filtered, Utf8Pool pool)
            throws IOException {
        this.name = name;
        this.footer = footer;
        this.file = file;
        this.filtered = filtered;
        this.schema = footer.metadata().getFileMetaData().getSchema();
        for (ColumnDescriptor c : schema.getColumns()) {
            columns.put(String.join(".", c.getPath()), c);
        }
        for (String required : REQUIRED) {
            if (!columns.containsKey(required)) {
                throw new IOException(name + " is not a readings file: it has no column " + required
                        + " (columns: " + columns.keySet() + ")");
            }
        }
        expect("sensor_id", PrimitiveTypeName.BINARY);
        expect("ts", PrimitiveTypeName.INT64);
        expect("metric", PrimitiveTypeName.BINARY);
        expect("value", PrimitiveTypeName.DOUBLE);
        expect("unit", PrimitiveTypeName.BINARY);
        expect("lat", PrimitiveTypeName.DOUBLE);
        expect("lon", PrimitiveTypeName.DOUBLE);
        expect("attributes.key_value.key", PrimitiveTypeName.BINARY);
        expect("attributes.key_value.value", PrimitiveTypeName.BINARY);
        expect("source_key", PrimitiveTypeName.BINARY);
        expect("run_id", PrimitiveTypeName.BINARY);
        this.sinks = new Sinks(pool);
    }

    private void expect(String column, PrimitiveTypeName type) throws IOException {
        ColumnDescriptor c = columns.get(column);
        if (c != null && c.getPrimitiveType().getPrimitiveTypeName() != type) {
            throw new IOException(name + ": column " + column + " is " + c.getPrimitiveType().getPrimitiveTypeName()
                    + ", expected " + type);
        }
    }

    /** Opens every row of the file. */
    public static ReadingFile open(InputFile input, String name, Utf8Pool pool) throws IOException {
        return open(input, name, pool, null, null);
    }

    /**
     * Opens the file, reading only row groups and pages that may hold a {@code sensor_id} between
     * {@code minSensor} and {@code maxSensor} (inclusive; {@code null} = unbounded).
     */
    public static ReadingFile open(InputFile input, String name, Utf8Pool pool, byte[] minSensor, byte[] maxSensor)
            throws IOException {
        SeekableInputStream in = input.newStream();
        try {
            ParquetFooter footer = ParquetFooter.read(input, in, name);
            FilterPredicate range = null;
            var column = FilterApi.binaryColumn("sensor_id");
            if (minSensor != null) {
                range = FilterApi.gtEq(column, Binary.fromConstantByteArray(minSensor));
            }
            if (maxSensor != null) {
                FilterPredicate upper = FilterApi.ltEq(column, Binary.fromConstantByteArray(maxSensor));
                range = range == null ? upper : FilterApi.and(range, upper);
            }
            FilterCompat.Filter filter = range == null ? FilterCompat.NOOP : FilterCompat.get(range);
            ParquetFileReader reader = ParquetFileReader.open(input, footer.metadata(),
                    HadoopFreeReadOptions.with(CompressionCodecs.INSTANCE, filter), in);
            try {
                return new ReadingFile(name, footer, reader, range != null, pool);
            } catch (IOException | RuntimeException e) {
                reader.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    public String name() {
        return name;
    }

    /** Receives sampled sort keys. */
    @FunctionalInterface
    public interface KeySink {
        void accept(byte[] sensorId, long tsMicros);
    }

    /**
     * Reads only the {@code sensor_id} and {@code ts} columns of a file and hands every
     * {@code stride}-th row's key to {@code sink}: a cheap sample of where a file's rows lie in the
     * curated order (two column chunks, not the file). Returns the footer.
     */
    public static ParquetFooter sampleKeys(InputFile input, String name, Utf8Pool pool, long stride, KeySink sink)
            throws IOException {
        SeekableInputStream in = input.newStream();
        ParquetFooter footer;
        try {
            footer = ParquetFooter.read(input, in, name);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        try (ParquetFileReader reader = ParquetFileReader.open(input, footer.metadata(),
                HadoopFreeReadOptions.with(CompressionCodecs.INSTANCE), in)) {
            MessageType fileSchema = footer.metadata().getFileMetaData().getSchema();
            if (!fileSchema.containsField("sensor_id") || !fileSchema.containsField("ts")) {
                throw new IOException(name + " is not a readings file: it lacks sensor_id or ts");
            }
            MessageType keys = new MessageType(fileSchema.getName(), fileSchema.getType("sensor_id"), fileSchema.getType("ts"));
            reader.setRequestedSchema(keys);
            ColumnDescriptor sensorColumn = keys.getColumnDescription(new String[] {"sensor_id"});
            ColumnDescriptor tsColumn = keys.getColumnDescription(new String[] {"ts"});
            Sinks sinks = new Sinks(pool);
            long row = 0;
            for (PageReadStore group; (group = reader.readNextRowGroup()) != null; ) {
                ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, sinks.root(keys), keys,
                        footer.metadata().getFileMetaData().getCreatedBy());
                ColumnReader sensor = store.getColumnReader(sensorColumn);
                ColumnReader ts = store.getColumnReader(tsColumn);
                for (long i = 0, n = group.getRowCount(); i < n; i++, row++) {
                    if (row % stride == 0) {
                        byte[] s = string(sensor, sinks.sensorId);
                        sink.accept(s, ts.getLong());
                    } else {
                        sensor.skip();
                        sensor.consume();
                        ts.skip();
                    }
                    ts.consume();
                }
            }
        }
        return footer;
    }

    /** The footer alone (one read of the file's tail). */
    public static ParquetFooter footer(InputFile input, String name) throws IOException {
        try (SeekableInputStream in = input.newStream()) {
            return ParquetFooter.read(input, in, name);
        }
    }

    /** Rows in the file, as its footer says (before any range filter). */
    public long rows() {
        return footer.rows();
    }

    /** Rows returned so far. */
    public long rowsRead() {
        return rowsRead;
    }

    /** Whether the writer declared every row group sorted by {@code (sensor_id, ts)}: a claim to verify. */
    public boolean declaresSensorTimeOrder() {
        return footer.declaresAscending("sensor_id", "ts");
    }

    public ParquetFooter footer() {
        return footer;
    }

    /**
     * Appends up to {@code max} rows to {@code into}; returns how many (0 at the end of the file).
     */
    public int read(ReadingBatch into, int max) throws IOException {
        int n = 0;
        while (n < max) {
            if (rowsLeftInGroup == 0 && !nextGroup()) {
                break;
            }
            readRow(into);
            rowsLeftInGroup--;
            n++;
        }
        rowsRead += n;
        return n;
    }

    private boolean nextGroup() throws IOException {
        PageReadStore group;
        do {
            group = filtered ? file.readNextFilteredRowGroup() : file.readNextRowGroup();
            if (group == null) {
                return false;
            }
        } while (group.getRowCount() == 0);
        ColumnReadStoreImpl store = new ColumnReadStoreImpl(group, sinks.root(schema), schema,
                footer.metadata().getFileMetaData().getCreatedBy());
        sensorId = reader(store, "sensor_id");
        ts = reader(store, "ts");
        metric = reader(store, "metric");
        value = reader(store, "value");
        unit = reader(store, "unit");
        lat = reader(store, "lat");
        lon = reader(store, "lon");
        attrKey = reader(store, "attributes.key_value.key");
        attrValue = reader(store, "attributes.key_value.value");
        sourceKey = reader(store, "source_key");
        runId = reader(store, "run_id");
        rowsLeftInGroup = group.getRowCount();
        return true;
    }

    private ColumnReader reader(ColumnReadStoreImpl store, String column) {
        ColumnDescriptor c = columns.get(column);
        return c == null ? null : store.getColumnReader(c);
    }

    private void readRow(ReadingBatch into) {
        byte[] sensor = string(sensorId, sinks.sensorId);
        long t = ts.getLong();
        ts.consume();
        byte[] m = string(metric, sinks.metric);
        double v = value.getDouble();
        value.consume();
        byte[] u = optionalString(unit, sinks.unit);
        boolean hasLat = lat != null && lat.getCurrentDefinitionLevel() == lat.getDescriptor().getMaxDefinitionLevel();
        double la = hasLat ? lat.getDouble() : 0;
        if (lat != null) {
            lat.consume();
        }
        boolean hasLon = lon != null && lon.getCurrentDefinitionLevel() == lon.getDescriptor().getMaxDefinitionLevel();
        double lo = hasLon ? lon.getDouble() : 0;
        if (lon != null) {
            lon.consume();
        }
        // attributes come last in the file but are read here, between the scalars and the strings below
        into.startRow(sensor, t, m, v, u, hasLat, la, hasLon, lo, null, null);
        readAttributes(into);
        byte[] source = string(sourceKey, sinks.sourceKey);
        byte[] run = string(runId, sinks.runId);
        int row = into.size();
        into.sourceKey[row] = source;
        into.runId[row] = run;
        into.endRow();
    }

    private void readAttributes(ReadingBatch into) {
        if (attrKey == null) {
            return;
        }
        int entryLevel = attrKey.getDescriptor().getMaxDefinitionLevel();
        // one value per entry; an absent or empty map is one value below the entry's level; the
        // repetition level of the next value says whether it belongs to this row (0 at the end)
        do {
            boolean present = attrKey.getCurrentDefinitionLevel() == entryLevel;
            if (present) {
                byte[] key = string(attrKey, sinks.attrKey);
                byte[] val = attrValue != null ? optionalString(attrValue, sinks.attrValue) : null;
                into.addAttribute(key, val);
            } else {
                attrKey.consume();
                if (attrValue != null) {
                    attrValue.consume();
                }
            }
        } while (attrKey.getCurrentRepetitionLevel() > 0);
    }

    private static byte[] string(ColumnReader reader, StringSink sink) {
        reader.writeCurrentValueToConverter();
        reader.consume();
        return sink.current;
    }

    private static byte[] optionalString(ColumnReader reader, StringSink sink) {
        if (reader == null) {
            return null;
        }
        byte[] v = null;
        if (reader.getCurrentDefinitionLevel() == reader.getDescriptor().getMaxDefinitionLevel()) {
            reader.writeCurrentValueToConverter();
            v = sink.current;
        }
        reader.consume();
        return v;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }

    /** One sink per string column; strings of low-cardinality columns are interned. */
    private static final class Sinks {
        final StringSink sensorId;
        final StringSink metric;
        final StringSink unit;
        final StringSink attrKey;
        final StringSink attrValue;
        final StringSink sourceKey;
        final StringSink runId;
        private final Map<String, StringSink> byPath = new HashMap<>();

        Sinks(Utf8Pool pool) {
            sensorId = put("sensor_id", new StringSink(pool, true));
            metric = put("metric", new StringSink(pool, true));
            unit = put("unit", new StringSink(pool, true));
            attrKey = put("attributes.key_value.key", new StringSink(pool, true));
            attrValue = put("attributes.key_value.value", new StringSink(pool, false));
            sourceKey = put("source_key", new StringSink(pool, true));
            runId = put("run_id", new StringSink(pool, true));
        }

        private StringSink put(String path, StringSink sink) {
            byPath.put(path, sink);
            return sink;
        }

        /** The converter tree ColumnReadStoreImpl walks to find each column's converter. */
        GroupConverter root(MessageType schema) {
            return group(schema, "");
        }

        private GroupConverter group(GroupType type, String prefix) {
            List<Type> fields = type.getFields();
            Converter[] children = new Converter[fields.size()];
            for (int i = 0; i < fields.size(); i++) {
                Type f = fields.get(i);
                String path = prefix + f.getName();
                if (f.isPrimitive()) {
                    StringSink sink = byPath.get(path);
                    children[i] = sink != null ? sink : new PrimitiveConverter() {};
                } else {
                    children[i] = group(f.asGroupType(), path + ".");
                }
            }
            return new GroupConverter() {
                @Override
                public Converter getConverter(int fieldIndex) {
                    return children[fieldIndex];
                }

                @Override
                public void start() {}

                @Override
                public void end() {}
            };
        }
    }

    /** Receives a column's current value, from its dictionary (decoded once per entry) or from a plain page. */
    private static final class StringSink extends PrimitiveConverter {
        private final Utf8Pool pool;
        private final boolean intern;
        private byte[][] dictionary;
        byte[] current;

        StringSink(Utf8Pool pool, boolean intern) {
            this.pool = pool;
            this.intern = intern;
        }

        @Override
        public boolean hasDictionarySupport() {
            return true;
        }

        @Override
        public void setDictionary(Dictionary d) {
            dictionary = new byte[d.getMaxId() + 1][];
            for (int i = 0; i < dictionary.length; i++) {
                byte[] bytes = d.decodeToBinary(i).getBytes();
                dictionary[i] = intern ? pool.intern(bytes) : bytes;
            }
        }

        @Override
        public void addValueFromDictionary(int id) {
            current = dictionary[id];
        }

        @Override
        public void addBinary(Binary b) {
            byte[] bytes = b.getBytes();
            current = intern ? pool.intern(bytes) : bytes;
        }
    }
}
