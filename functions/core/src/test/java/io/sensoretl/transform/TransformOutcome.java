package io.sensoretl.transform;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.Contract;
import io.sensoretl.parquet.CompressionCodecs;
import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.parquet.ReadingRows;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.RowGroup;
import org.apache.parquet.format.SortingColumn;
import org.apache.parquet.format.Util;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.MessageColumnIO;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.MessageType;

/**
 * Everything a transform made of a dump, read back from its files: per chunk the accounting and the
 * rejects in order, and all readings. What the differential tests compare between the reference and
 * the columnar transform.
 */
record TransformOutcome(List<ChunkStats> stats, List<Reading> readings, List<List<Reject>> rejects, List<Path> readingFiles) {

    interface Transformer {
        ChunkStats transform(ChunkDescriptor chunk, ByteSource source, TransformOutputs outputs) throws IOException;
    }

    static Transformer reference(Contract c) {
        return new ReferenceChunkTransformer(c)::transform;
    }

    static Transformer columnar(Contract c) {
        return new ChunkTransformer(c)::transform;
    }

    /** The columnar transform, and how many source records it decided on its fast path. */
    static final class Columnar implements Transformer {
        final ChunkTransformer transformer;

        Columnar(Contract c) {
            transformer = new ChunkTransformer(c);
        }

        @Override
        public ChunkStats transform(ChunkDescriptor chunk, ByteSource source, TransformOutputs outputs) throws IOException {
            return transformer.transform(chunk, source, outputs);
        }

        double fastShare() {
            long all = transformer.fastRecords() + transformer.referenceRecords();
            return all == 0 ? 0 : (double) transformer.fastRecords() / all;
        }
    }

    /** Runs every chunk of {@code file} cut at {@code chunkBytes} (0: one chunk) and reads the results back. */
    static TransformOutcome run(Transformer t, Path file, long chunkBytes, boolean splittable, Path out) throws IOException {
        FileByteSource source = new FileByteSource(file);
        long size = Files.size(file);
        boolean gz = source.compression() != io.sensoretl.decode.Compression.NONE;
        List<ChunkStats> stats = new ArrayList<>();
        List<List<Reject>> rejects = new ArrayList<>();
        List<Reading> readings = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int index = 0;
        long step = chunkBytes <= 0 || gz || !splittable ? Math.max(size, 1) : chunkBytes;
        for (long start = 0; start < size || (size == 0 && index == 0); start += step, index++) {
            long end = Math.min(size, start + step);
            ChunkDescriptor chunk = new ChunkDescriptor("run-1", index, "b", "dump", "e", size, start, end,
                    gz ? "gzip" : "none", splittable && !gz, "2024-03-01");
            Path r = out.resolve("readings");
            Path j = out.resolve("rejects");
            ChunkStats s = t.transform(chunk, source, new TransformOutputs(new LocalObjectStore(out), "readings/", "rejects/"));
            stats.add(s);
            Path rejectFile = j.resolve(chunk.fileStem() + ".parquet");
            rejects.add(Files.exists(rejectFile) ? readRejects(rejectFile) : List.of());
            if (size == 0) {
                break;
            }
        }
        if (Files.exists(out.resolve("readings"))) {
            try (Stream<Path> walk = Files.walk(out.resolve("readings"))) {
                files.addAll(walk.filter(p -> p.toString().endsWith(".parquet")).sorted().toList());
            }
        }
        for (Path f : files) {
            readings.addAll(readReadings(f));
        }
        return new TransformOutcome(stats, readings, rejects, files);
    }

    static List<Reading> readReadings(Path file) throws IOException {
        List<Reading> out = new ArrayList<>();
        try (ReadingRows rows = ParquetFiles.readingReader(new LocalInputFile(file))) {
            for (Reading r; (r = rows.read()) != null; ) {
                out.add(r);
            }
        }
        return out;
    }

    static List<Reject> readRejects(Path file) throws IOException {
        List<Reject> out = new ArrayList<>();
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file),
                HadoopFreeReadOptions.with(CompressionCodecs.INSTANCE))) {
            MessageType schema = reader.getFooter().getFileMetaData().getSchema();
            MessageColumnIO io = new ColumnIOFactory().getColumnIO(schema);
            for (PageReadStore group; (group = reader.readNextRowGroup()) != null; ) {
                RecordReader<Group> rows = io.getRecordReader(group, new GroupRecordConverter(schema));
                for (long i = 0; i < group.getRowCount(); i++) {
                    Group g = rows.read();
                    out.add(new Reject(g.getString("source_key", 0), g.getLong("byte_offset", 0),
                            RejectReason.ofCode(g.getString("reason", 0)),
                            g.getFieldRepetitionCount("detail") == 0 ? null : g.getString("detail", 0),
                            g.getFieldRepetitionCount("raw") == 0 ? null : g.getString("raw", 0), g.getString("run_id", 0)));
                }
            }
        }
        return out;
    }

    /** Asserts the two outcomes are the same: accounting, rejects (in order) and readings (bit for bit, as multisets). */
    static void assertSame(TransformOutcome reference, TransformOutcome columnar, String what) {
        assertThat(columnar.stats()).as(what + ": chunks").hasSameSizeAs(reference.stats());
        for (int i = 0; i < reference.stats().size(); i++) {
            ChunkStats e = reference.stats().get(i);
            ChunkStats a = columnar.stats().get(i);
            String where = what + ", chunk " + i;
            assertThat(a.sourceRecords()).as(where + ": source records").isEqualTo(e.sourceRecords());
            assertThat(a.records()).as(where + ": records").isEqualTo(e.records());
            assertThat(a.valid()).as(where + ": valid").isEqualTo(e.valid());
            assertThat(a.rejectedByReason()).as(where + ": rejects by reason").isEqualTo(e.rejectedByReason());
            assertThat(a.bytes()).as(where + ": bytes").isEqualTo(e.bytes());
            assertThat(a.partitions()).as(where + ": partitions").isEqualTo(e.partitions());
            List<Reject> er = reference.rejects().get(i);
            List<Reject> ar = columnar.rejects().get(i);
            for (int k = 0; k < Math.min(er.size(), ar.size()); k++) {
                assertThat(ar.get(k)).as(where + ": reject " + k).isEqualTo(er.get(k));
            }
            assertThat(ar).as(where + ": rejects").hasSameSizeAs(er);
        }
        List<Reading> e = new ArrayList<>(reference.readings());
        List<Reading> a = new ArrayList<>(columnar.readings());
        e.sort(TOTAL);
        a.sort(TOTAL);
        assertThat(a).as(what + ": readings").hasSameSizeAs(e);
        for (int i = 0; i < e.size(); i++) {
            assertThat(bits(a.get(i))).as(what + ": reading " + i).isEqualTo(bits(e.get(i)));
        }
    }

    /** A reading as text that shows every double's bits, so -0.0 and 0.0 (or two NaNs) differ. */
    static String bits(Reading r) {
        return r.sensorId() + "|" + r.tsMicros() + "|" + r.metric() + "|" + Long.toHexString(Double.doubleToRawLongBits(r.value()))
                + "(" + r.value() + ")|" + r.unit() + "|" + (r.lat() == null ? "-" : Long.toHexString(Double.doubleToRawLongBits(r.lat())))
                + "|" + (r.lon() == null ? "-" : Long.toHexString(Double.doubleToRawLongBits(r.lon()))) + "|"
                + new ArrayList<>(r.attributes().entrySet()) + "|" + r.sourceKey() + "|" + r.runId();
    }

    static final Comparator<Reading> TOTAL = Comparator.comparing(TransformOutcome::bits);

    /** Every readings file of the columnar transform is sorted by (sensor_id, ts, metric) and says so in its footer. */
    static void assertSortedFiles(TransformOutcome columnar) throws IOException {
        for (Path f : columnar.readingFiles()) {
            List<Reading> rows = readReadings(f);
            for (int i = 1; i < rows.size(); i++) {
                Reading p = rows.get(i - 1);
                Reading r = rows.get(i);
                int c = compareBytes(p.sensorId(), r.sensorId());
                if (c == 0) {
                    c = Long.compare(p.tsMicros(), r.tsMicros());
                }
                if (c == 0) {
                    c = compareBytes(p.metric(), r.metric());
                }
                assertThat(c).as(f + ": rows %d and %d in (sensor_id, ts, metric) order", i - 1, i).isLessThanOrEqualTo(0);
            }
            byte[] all = Files.readAllBytes(f);
            int len = ByteBuffer.wrap(all, all.length - 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
            FileMetaData footer = Util.readFileMetaData(new ByteArrayInputStream(all, all.length - 8 - len, len));
            for (RowGroup g : footer.getRow_groups()) {
                assertThat(g.getSorting_columns()).as(f + ": sorting_columns").containsExactly(
                        new SortingColumn(0, false, false), new SortingColumn(1, false, false), new SortingColumn(2, false, false));
            }
        }
    }

    private static int compareBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, Long> totalsByReason(TransformOutcome o) {
        Map<String, Long> m = new java.util.TreeMap<>();
        o.stats().forEach(s -> s.rejectedByReason().forEach((k, v) -> m.merge(k, v, Long::sum)));
        return m;
    }
}
