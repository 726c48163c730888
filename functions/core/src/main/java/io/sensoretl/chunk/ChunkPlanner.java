package io.sensoretl.chunk;

import io.sensoretl.contract.Format;
import io.sensoretl.decode.Compression;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts source objects into chunks: byte ranges of about {@code targetBytes} where the format and
 * compression allow it, one chunk per object otherwise (gzip is one stream; a JSON array is one
 * document). Chunk boundaries need not fall on record boundaries: the reader's ownership rule
 * assigns every record to exactly one chunk.
 */
public final class ChunkPlanner {
    public static final long DEFAULT_TARGET_BYTES = 64L * 1024 * 1024;

    private final Format format;
    private final long targetBytes;

    public ChunkPlanner(Format format, long targetBytes) {
        if (targetBytes < 1) {
            throw new IllegalArgumentException("chunk target size must be positive, got " + targetBytes);
        }
        this.format = format;
        this.targetBytes = targetBytes;
    }

    public List<ChunkDescriptor> plan(String runId, List<SourceObject> objects) {
        List<ChunkDescriptor> chunks = new ArrayList<>();
        for (SourceObject o : objects) {
            if (o.size() == 0) {
                continue; // an empty object has no records; it is still listed in the plan's counts
            }
            boolean splittable = format.splittable() && o.compression().splittable();
            String day = o.lastModified().atOffset(ZoneOffset.UTC).toLocalDate().toString();
            String compression = o.compression() == Compression.GZIP ? "gzip" : "none";
            if (!splittable) {
                chunks.add(new ChunkDescriptor(runId, chunks.size(), o.bucket(), o.key(), o.version().quotedEtag(), o.size(), 0, o.size(),
                        compression, false, day));
                continue;
            }
            // equal-sized pieces no larger than the target, so the last chunk is not a sliver
            long pieces = Math.max(1, (o.size() + targetBytes - 1) / targetBytes);
            long base = o.size() / pieces;
            long extra = o.size() % pieces;
            long start = 0;
            for (long i = 0; i < pieces; i++) {
                long end = start + base + (i < extra ? 1 : 0);
                chunks.add(new ChunkDescriptor(runId, chunks.size(), o.bucket(), o.key(), o.version().quotedEtag(), o.size(), start, end,
                        compression, true, day));
                start = end;
            }
        }
        return chunks;
    }
}
