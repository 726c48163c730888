package io.sensoretl.results;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.store.ObjectStore;
import java.io.IOException;

/**
 * Adding up a run's results (the run-results step of the workflow): reads the per-chunk results the
 * Distributed Map's ResultWriter wrote ({@link ResultWriterFiles}), adds them up into
 * {@link RunTotals}, and deletes any partial output of chunks that were not processed
 * ({@link PartialOutputs}), so that only whole chunks are compacted.
 */
public final class RunAccounting {
    private final ObjectStore blobs;
    private final ObjectMapper json;

    /** @param blobs the bucket of the ResultWriter output, which is also the run's staging bucket */
    public RunAccounting(ObjectStore blobs, ObjectMapper json) {
        this.blobs = blobs;
        this.json = json;
    }

    /** @param plannedChunks the chunks the plan made, checked against the results; -1 when unknown */
    public RunTotals addUp(String runId, String manifestKey, int plannedChunks) throws IOException {
        CuratedLayout.requireRunId(runId);
        RunResults results = new RunResults(runId);
        for (ChildResult child : new ResultWriterFiles(blobs, json).read(manifestKey)) {
            results.add(child);
        }
        RunTotals totals = results.totals(plannedChunks);
        int discarded = new PartialOutputs(blobs).discard(runId, totals.sourceDate(), results.unprocessedChunks());
        return totals.withPartialFilesDiscarded(discarded);
    }
}
