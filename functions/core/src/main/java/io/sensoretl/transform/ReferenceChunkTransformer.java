package io.sensoretl.transform;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.contract.Contract;
import io.sensoretl.contract.FormatKind;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonFieldPlan;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.Reject;
import io.sensoretl.reading.RejectReason;
import io.sensoretl.validate.ReadingMapper;
import io.sensoretl.validate.ReadingSink;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The transform core: streams one chunk's records through decoding, validation and normalisation,
 * writes valid readings as Parquet per partition and rejects with their reasons, and returns the
 * chunk's accounting. No AWS types: the handler supplies a {@link ByteSource} and
 * {@link TransformOutputs} over S3; the benchmark and tests supply local ones.
 */
public final class ReferenceChunkTransformer {
    /** Open partition files per chunk; bounds the row-group buffers held in memory. */
    static final int MAX_OPEN_PARTITIONS = 8;
    /**
     * How far before its start a chunk looks back to learn the dedupe keys of the readings just
     * before it, so a re-sent message whose original sits at the end of the previous chunk is
     * rejected as a duplicate exactly as it would be if the file were one chunk. Re-sends are close
     * to their original; 1 MiB (thousands of records) costs one extra small ranged read per chunk.
     */
    static final long DEDUPE_LOOKBACK_BYTES = 1 << 20;

    private final Contract contract;
    private final JsonFieldPlan fields;

    public ReferenceChunkTransformer(Contract contract) {
        this.contract = contract;
        this.fields = JsonFieldPlan.forContract(contract);
    }

    public ChunkStats transform(ChunkDescriptor chunk, ByteSource source, TransformOutputs outputs) throws IOException {
        requireReadableRange(contract, chunk);
        if ("gzip".equals(chunk.compression())) {
            source = IntactData.of(source);
        }
        String stem = chunk.fileStem();
        ReadingMapper mapper = new ReadingMapper(contract, chunk.sourceUri(), chunk.runId());
        learnKeysBefore(chunk, source, mapper);
        try (SourceRecords records = open(chunk, source);
                PartitionedReadingWriter readings = new PartitionedReadingWriter(outputs, stem, MAX_OPEN_PARTITIONS);
                RejectCollector rejects = new RejectCollector(outputs, stem + ".parquet")) {
            Counter counter = new Counter(readings, rejects, records, chunk);
            long sourceRecords = 0;
            while (records.next()) {
                sourceRecords++;
                counter.startRecord();
                RecordView view;
                try {
                    view = records.decode();
                } catch (FieldError e) {
                    counter.rejectAll(e, mapper.candidatesPerRecord());
                    continue;
                }
                mapper.map(view, counter);
                counter.rethrow();
            }
            FieldError trailing = records.trailingError();
            if (trailing != null) {
                counter.startRecord();
                counter.reject(trailing.reason(), trailing.getMessage());
                counter.rethrow();
            }
            readings.close();
            rejects.close();
            List<String> files = new ArrayList<>(readings.files());
            if (rejects.path() != null) {
                files.add(rejects.path());
            }
            return new ChunkStats(chunk.index(), chunk.sourceUri(), sourceRecords, counter.valid + rejects.total(),
                    counter.valid, rejects.total(), rejects.byReason(), records.bytes(), readings.partitions(), files);
        }
    }

    /** Feeds the records just before the chunk through the mapper, keeping only its dedupe window. */
    private void learnKeysBefore(ChunkDescriptor chunk, ByteSource source, ReadingMapper mapper) throws IOException {
        if (contract.dedupeWindow() == 0 || !chunk.splittable() || chunk.start() == 0
                || contract.format().kind() == FormatKind.JSON_ARRAY) {
            return;
        }
        long from = Math.max(0, chunk.start() - DEDUPE_LOOKBACK_BYTES);
        ReadingSink discard = new ReadingSink() {
            @Override
            public void reading(Reading reading) {}

            @Override
            public void reject(RejectReason reason, String detail) {}
        };
        try (SourceRecords before = lineRecords(chunk, source, from, chunk.start())) {
            while (before.next()) {
                try {
                    mapper.map(before.decode(), discard);
                } catch (FieldError e) {
                    // a bad record of the previous chunk: that chunk rejects it
                }
            }
        }
    }

    /** A byte range of an object whose records cannot be found from the middle (e.g. planned with another contract). */
    static void requireReadableRange(Contract contract, ChunkDescriptor chunk) {
        boolean wholeObject = chunk.start() == 0 && chunk.end() == chunk.size();
        if (chunk.splittable() && !wholeObject && !contract.format().splittable()) {
            throw new IllegalArgumentException("chunk " + chunk.index() + " of " + chunk.sourceUri() + " is the byte range ["
                    + chunk.start() + ", " + chunk.end() + "), but contract " + contract.name() + " reads "
                    + contract.format().kind().id() + (contract.format().multilineFields() ? " with multilineFields" : "")
                    + ", which cannot be cut at byte offsets; plan the object with the same contract");
        }
    }

    private SourceRecords open(ChunkDescriptor chunk, ByteSource source) throws IOException {
        if (contract.format().kind() == FormatKind.JSON_ARRAY) {
            return new JsonArrayRecords(source);
        }
        long end = chunk.splittable() ? chunk.end() : Long.MAX_VALUE;
        return lineRecords(chunk, source, chunk.splittable() ? chunk.start() : 0, end);
    }

    /** Line records of the chunk; an unreadable header row fails the chunk, naming the object. */
    private LineRecords lineRecords(ChunkDescriptor chunk, ByteSource source, long start, long end) throws IOException {
        return lineRecords(contract, fields, chunk, source, start, end);
    }

    /** As {@link #lineRecords(ChunkDescriptor, ByteSource, long, long)}, shared with {@link ChunkTransformer}. */
    static LineRecords lineRecords(Contract contract, JsonFieldPlan fields, ChunkDescriptor chunk, ByteSource source, long start,
            long end) throws IOException {
        try {
            return new LineRecords(source, contract.format(), fields, start, end);
        } catch (LineRecords.HeaderException e) {
            throw new LineRecords.HeaderException(chunk.sourceUri() + ": " + e.getMessage());
        }
    }

    /** Adapts the mapper's callbacks to the writers; IO failures are carried out of the callback. */
    private final class Counter implements ReadingSink {
        private final PartitionedReadingWriter readings;
        private final RejectCollector rejects;
        private final SourceRecords records;
        private final ChunkDescriptor chunk;
        private IOException failure;
        long valid;

        Counter(PartitionedReadingWriter readings, RejectCollector rejects, SourceRecords records, ChunkDescriptor chunk) {
            this.readings = readings;
            this.rejects = rejects;
            this.records = records;
            this.chunk = chunk;
        }

        void startRecord() {
            failure = null;
        }

        @Override
        public void reading(Reading reading) {
            try {
                readings.write(reading);
                valid++;
            } catch (IOException e) {
                failure = e;
            }
        }

        @Override
        public void reject(RejectReason reason, String detail) {
            try {
                rejects.add(new Reject(chunk.sourceUri(), records.offset(), reason, detail,
                        records.raw(contract.maxRawBytes()), chunk.runId()));
            } catch (IOException e) {
                failure = e;
            }
        }

        void rejectAll(FieldError e, int candidates) throws IOException {
            for (int i = 0; i < candidates; i++) {
                reject(e.reason(), e.getMessage());
            }
            rethrow();
        }

        void rethrow() throws IOException {
            if (failure != null) {
                throw failure;
            }
        }
    }
}
