package io.sensoretl.latest;

import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;

/**
 * Updating the latest readings after a run (the latest-readings step of the workflow): merges the
 * run's per-partition newest readings ({@code runs/<run>/latest/*.ndjson}, written by compaction) into
 * one per series and upserts them, each only if newer than what is stored.
 */
public final class LatestReadingsUpdate {
    /** What the update did: files read, series found, series written, series skipped because the store had newer. */
    public record Result(String runId, int partitionFiles, int series, int written, int skippedOlder) {}

    private final ObjectStore blobs;
    private final LatestReadings latest;

    public LatestReadingsUpdate(ObjectStore blobs, LatestReadings latest) {
        this.blobs = blobs;
        this.latest = latest;
    }

    public Result apply(String runId) throws IOException {
        CuratedLayout.requireRunId(runId);
        NewestPerSeries newest = new NewestPerSeries();
        int files = 0;
        for (StoredObject blob : blobs.list(CuratedLayout.latestRoot(runId))) {
            try (InputStream in = blobs.read(blob.key(), 0, -1, null)) {
                newest.offerAll(LatestLines.read(in));
            }
            files++;
        }
        UpsertSummary summary = latest.upsertIfNewer(newest.result());
        return new Result(runId, files, newest.size(), summary.written(), summary.skippedOlder());
    }
}
