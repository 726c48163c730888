package io.sensoretl.transform;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.columnar.ReadingDictionaries;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonFieldPlan;
import io.sensoretl.decode.Line;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.validate.ChunkRules;
import io.sensoretl.validate.ReadingMapper;
import io.sensoretl.validate.ReadingSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The transform core: streams one chunk's records through decoding, validation and normalisation,
 * writes valid readings as Parquet per partition (each file sorted by sensor id and time) and rejects
 * with their reasons, and returns the chunk's accounting. No AWS types: the handler supplies a
 * {@link ByteSource} and {@link TransformOutputs} over S3; the benchmark and tests supply local ones.
 *
 * <p>Records of line formats go through the columnar fast path ({@link FastRecordMapper}: fields read
 * from the bytes, rules applied to primitives, readings kept as column vectors and written through
 * parquet-java's page writers). Any record it cannot decide with certainty, and every record of other
 * formats, goes through the reference decoder and {@link ReadingMapper}, sharing the same rules and
 * dedupe window. {@link ReferenceChunkTransformer} is the straightforward implementation the output is
 * proven equal to (the differential tests).
 */
public final class ChunkTransformer {
    /** Open partitions per chunk: a chunk spanning more days writes out the least recently used one. */
    static final int MAX_OPEN_PARTITIONS = 8;
    /**
     * Readings held in memory per chunk before the largest partition's batch is written out (about
     * 30 MiB of column vectors): memory depends on this bound, not on the chunk size.
     */
    static final int MAX_BUFFERED_READINGS = 1 << 19;

    private final Contract contract;
    private final JsonFieldPlan fields;
    private long fastRecords;
    private long referenceRecords;

    public ChunkTransformer(Contract contract) {
        this.contract = contract;
        this.fields = JsonFieldPlan.forContract(contract);
    }

    /** Source records this transformer decided on the fast path, over all chunks so far. */
    public long fastRecords() {
        return fastRecords;
    }

    /** Source records it handed to the reference decoder and mapper, over all chunks so far. */
    public long referenceRecords() {
        return referenceRecords;
    }

    public ChunkStats transform(ChunkDescriptor chunk, ByteSource source, TransformOutputs outputs) throws IOException {
        ReferenceChunkTransformer.requireReadableRange(contract, chunk);
        if ("gzip".equals(chunk.compression())) {
            source = IntactData.of(source);
        }
        String stem = chunk.fileStem();
        ChunkRules rules = new ChunkRules(contract);
        ReadingMapper mapper = new ReadingMapper(rules, chunk.sourceUri(), chunk.runId());
        ReadingDictionaries dictionaries = new ReadingDictionaries();
        ChunkBuffers buffers = ChunkBuffers.forThisThread();
        learnKeysBefore(chunk, source, rules, mapper, dictionaries);
        try (SourceRecords records = open(chunk, source);
                ChunkOutput out = new ChunkOutput(dictionaries,
                        new PartitionBatches(outputs, stem, dictionaries, MAX_OPEN_PARTITIONS, MAX_BUFFERED_READINGS, buffers),
                        new ColumnarRejects(outputs, stem + ".parquet", chunk.sourceUri(), chunk.runId(), buffers),
                        contract.maxRawBytes())) {
            FastRecordMapper fast = fastPath(records, rules, chunk, dictionaries);
            LineRecords lines = records instanceof LineRecords l ? l : null;
            long sourceRecords = 0;
            while (records.next()) {
                sourceRecords++;
                out.startRecord(records);
                Line line = fast == null ? null : lines.wholeLine();
                if (line != null && fast.map(line.bytes(), line.length(), line.offset(), out)) {
                    fastRecords++;
                } else {
                    referenceRecords++;
                    reference(records, mapper, out);
                }
                out.endRecord();
            }
            FieldError trailing = records.trailingError();
            if (trailing != null) {
                out.startRecord(records);
                out.reject(trailing.reason(), trailing.getMessage());
            }
            out.close();
            ColumnarRejects rejects = out.rejects();
            PartitionBatches readings = out.readings();
            List<String> files = new ArrayList<>(readings.files());
            if (rejects.path() != null) {
                files.add(rejects.path());
            }
            return new ChunkStats(chunk.index(), chunk.sourceUri(), sourceRecords, out.valid() + rejects.total(),
                    out.valid(), rejects.total(), rejects.byReason(), records.bytes(), readings.partitions(), files);
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        } finally {
            rules.release();
        }
    }

    private static void reference(SourceRecords records, ReadingMapper mapper, ChunkOutput out) {
        RecordView view;
        try {
            view = records.decode();
        } catch (FieldError e) {
            for (int i = 0; i < mapper.candidatesPerRecord(); i++) {
                out.reject(e.reason(), e.getMessage());
            }
            return;
        }
        mapper.map(view, out);
    }

    private FastRecordMapper fastPath(SourceRecords records, ChunkRules rules, ChunkDescriptor chunk,
            ReadingDictionaries dictionaries) {
        if (!(records instanceof LineRecords lines)) {
            return null;
        }
        FastRecordMapper fast = FastRecordMapper.create(contract, rules, fields, lines.delimitedDecoder(), chunk.sourceUri(),
                chunk.runId());
        if (fast != null) {
            fast.bind(dictionaries);
        }
        return fast;
    }

    /** Feeds the records just before the chunk through the rules, keeping only the dedupe window they leave. */
    private void learnKeysBefore(ChunkDescriptor chunk, ByteSource source, ChunkRules rules, ReadingMapper mapper,
            ReadingDictionaries dictionaries) throws IOException {
        if (contract.dedupeWindow() == 0 || !chunk.splittable() || chunk.start() == 0
                || contract.format().kind() == FormatKind.JSON_ARRAY) {
            return;
        }
        long from = Math.max(0, chunk.start() - ReferenceChunkTransformer.DEDUPE_LOOKBACK_BYTES);
        ReadingSink discard = new ReadingSink() {
            @Override
            public void reading(Reading reading) {}

            @Override
            public void reject(RejectReason reason, String detail) {}
        };
        try (LineRecords before = ReferenceChunkTransformer.lineRecords(contract, fields, chunk, source, from, chunk.start())) {
            FastRecordMapper fast = fastPath(before, rules, chunk, dictionaries);
            while (before.next()) {
                Line line = fast == null ? null : before.wholeLine();
                if (line != null && fast.map(line.bytes(), line.length(), line.offset(), null)) {
                    continue;
                }
                try {
                    mapper.map(before.decode(), discard);
                } catch (FieldError e) {
                    // a bad record of the previous chunk: that chunk rejects it
                }
            }
        }
    }

    private SourceRecords open(ChunkDescriptor chunk, ByteSource source) throws IOException {
        if (contract.format().kind() == FormatKind.JSON_ARRAY) {
            return new JsonArrayRecords(source);
        }
        long end = chunk.splittable() ? chunk.end() : Long.MAX_VALUE;
        return ReferenceChunkTransformer.lineRecords(contract, fields, chunk, source, chunk.splittable() ? chunk.start() : 0, end);
    }
}
