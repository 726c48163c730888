package io.sensoretl.results;

import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes what a chunk that failed part-way may have written (staged readings, in-place rejects),
 * so only whole chunks are compacted and queried; a redrive writes the chunk again from scratch.
 */
public final class PartialOutputs {
    /** chunk-00007.parquet, chunk-00007-1.parquet: the stem is the chunk's manifest index. */
    private static final Pattern CHUNK_FILE = Pattern.compile("chunk-(\\d+)(?:-\\d+)?\\.parquet$");

    private final ObjectStore blobs;

    public PartialOutputs(ObjectStore blobs) {
        this.blobs = blobs;
    }

    /** @return how many files were deleted */
    public int discard(String runId, String sourceDate, Collection<Integer> chunks) throws IOException {
        if (chunks.isEmpty()) {
            return 0;
        }
        List<String> doomed = new ArrayList<>();
        collect(CuratedLayout.stagingRoot(runId), chunks, doomed);
        if (sourceDate != null) {
            collect(CuratedLayout.rejectsPartitionPrefix(CuratedLayout.requireDt(sourceDate)) + "run=" + runId + "/",
                    chunks, doomed);
        }
        blobs.delete(doomed);
        return doomed.size();
    }

    private void collect(String prefix, Collection<Integer> chunks, List<String> into) throws IOException {
        for (StoredObject b : blobs.list(prefix)) {
            Matcher m = CHUNK_FILE.matcher(b.key());
            if (m.find() && chunks.contains(Integer.parseInt(m.group(1)))) {
                into.add(b.key());
            }
        }
    }
}
