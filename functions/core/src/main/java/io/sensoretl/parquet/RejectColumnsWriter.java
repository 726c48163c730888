package io.sensoretl.parquet;

import io.sensoretl.columnar.ByteDictionary;
import io.sensoretl.columnar.ReadingSort.Ranks;
import io.sensoretl.columnar.RejectColumns;
import io.sensoretl.reading.RejectReason;
import java.io.IOException;
import org.apache.parquet.io.OutputFile;

/**
 * Writes {@link RejectColumns} batches as row groups of one rejects file ({@link ReadingSchema#REJECTS}),
 * in input order: reasons and details dictionary-encoded, offsets DELTA_BINARY_PACKED, raw text PLAIN.
 */
public final class RejectColumnsWriter implements AutoCloseable {
    private static final int SOURCE_KEY = 0;
    private static final int BYTE_OFFSET = 1;
    private static final int REASON = 2;
    private static final int DETAIL = 3;
    private static final int RAW = 4;
    private static final int RUN_ID = 5;

    private final ColumnarParquetFile out;
    private final ColumnData data = new ColumnData();
    private final ColumnPages pages = new ColumnPages();
    private int[] ids = new int[16];
    private final ByteDictionary reasonCodes = new ByteDictionary();
    private final int[] reasonIds = new int[RejectReason.values().length];
    private final ByteDictionary constants = new ByteDictionary();

    public RejectColumnsWriter(OutputFile file) throws IOException {
        this.out = new ColumnarParquetFile(file, ReadingSchema.REJECTS);
        for (RejectReason r : RejectReason.values()) {
            reasonIds[r.ordinal()] = reasonCodes.intern(r.code());
        }
    }

    /** Writes the batch as the file's next row group (nothing for an empty batch). */
    public void write(RejectColumns batch) throws IOException {
        int n = batch.size();
        if (n == 0) {
            return;
        }
        constant(SOURCE_KEY, batch.sourceKey(), n);
        long[] offsets = data.longs(n);
        for (int i = 0; i < n; i++) {
            offsets[i] = batch.offset(i);
        }
        data.set(n, n, n, false);
        pages.deltaLongs(out.pages(BYTE_OFFSET), out.column(BYTE_OFFSET), data);
        if (ids.length < n) {
            ids = new int[n];
        }
        for (int i = 0; i < n; i++) {
            ids[i] = reasonIds[batch.reasonOrdinal(i)];
        }
        strings(REASON, reasonCodes, ids, n, 0);
        for (int i = 0; i < n; i++) {
            ids[i] = batch.detail(i);
        }
        strings(DETAIL, batch.details(), ids, n, 1);
        data.arena = batch.rawArena();
        int[] starts = data.ints(n);
        int[] lengths = data.lengths(n);
        int[] def = data.def(n);
        for (int i = 0; i < n; i++) {
            starts[i] = batch.rawStart(i);
            lengths[i] = batch.rawLength(i);
            def[i] = 1;
        }
        data.set(n, n, n, false);
        pages.plainBytes(out.pages(RAW), out.column(RAW), data);
        data.arena = null;
        constant(RUN_ID, batch.runId(), n);
        out.endRowGroup(n);
    }

    private void constant(int leaf, String value, int n) throws IOException {
        constants.clear();
        int[] id = {constants.intern(value)};
        Ranks ranks = Ranks.of(constants, id, 1);
        java.util.Arrays.fill(data.ints(n), 0, n, 0);
        data.set(n, n, n, false);
        pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, constants, ranks);
    }

    private void strings(int leaf, ByteDictionary dictionary, int[] ids, int n, int definition) throws IOException {
        Ranks ranks = Ranks.of(dictionary, ids, n);
        int[] v = data.ints(n);
        int[] def = data.def(n);
        for (int i = 0; i < n; i++) {
            v[i] = ranks.rank(ids[i]);
            def[i] = definition;
        }
        data.set(n, n, n, false);
        pages.dictionaryStrings(out.pages(leaf), out.column(leaf), data, dictionary, ranks);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
