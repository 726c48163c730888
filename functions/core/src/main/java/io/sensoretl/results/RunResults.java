package io.sensoretl.results;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds up the children of one Distributed Map run: per-chunk stats of the chunks that were
 * transformed, and which chunks were dead-lettered or failed outright.
 */
public final class RunResults {
    /** Dead-lettered chunks named in the totals; the rest are counted only (the state payload is limited). */
    public static final int LISTED_DEAD_LETTERS = 50;

    private final String runId;
    private int chunks;
    private int succeeded;
    private int deadLettered;
    private int failed;
    private long sourceRecords;
    private long records;
    private long valid;
    private long rejected;
    private final Map<String, Long> byReason = new TreeMap<>();
    private final TreeSet<String> partitions = new TreeSet<>();
    private final List<DeadLetteredChunk> listed = new ArrayList<>();
    private final TreeSet<Integer> seen = new TreeSet<>();
    private final TreeSet<Integer> unprocessed = new TreeSet<>();
    private String sourceDate;

    public RunResults(String runId) {
        this.runId = runId;
    }

    public void add(ChildResult child) {
        int index = child.chunkIndex();
        if (!seen.add(index)) {
            throw new IllegalArgumentException("chunk " + index + " of run " + runId + " appears twice in the map results");
        }
        chunks++;
        String date = child.input().path("chunk").path("sourceDate").asText(null);
        if (date != null && sourceDate == null) {
            sourceDate = date;
        }
        if (child.deadLettered()) {
            deadLettered++;
            unprocessed.add(index);
            list(new DeadLetteredChunk(index, child.output().path("error").asText(null), true));
        } else if (child.succeeded()) {
            succeeded++;
            addStats(index, child.output());
        } else {
            failed++;
            unprocessed.add(index);
            list(new DeadLetteredChunk(index, child.error(), false));
        }
    }

    private void addStats(int index, JsonNode stats) {
        if (stats == null || !stats.has("records") || !stats.has("valid") || !stats.has("rejected")) {
            throw new IllegalArgumentException("chunk " + index + " of run " + runId
                    + " succeeded without chunk stats (records, valid, rejected): " + stats);
        }
        sourceRecords += stats.path("sourceRecords").asLong();
        records += stats.path("records").asLong();
        valid += stats.path("valid").asLong();
        rejected += stats.path("rejected").asLong();
        stats.path("rejectedByReason").fields().forEachRemaining(e -> byReason.merge(e.getKey(), e.getValue().asLong(), Long::sum));
        stats.path("partitions").forEach(p -> partitions.add(p.asText().replaceFirst("^dt=", "")));
    }

    private void list(DeadLetteredChunk chunk) {
        if (listed.size() < LISTED_DEAD_LETTERS) {
            listed.add(chunk);
        }
    }

    /** Chunk indexes whose output must not be published: dead-lettered or failed. */
    public List<Integer> unprocessedChunks() {
        return List.copyOf(unprocessed);
    }

    /**
     * @param plannedChunks how many chunks the plan step wrote to the manifest, or -1 if unknown: a
     *                      mismatch means results were lost, and is an error rather than a smaller total
     */
    public RunTotals totals(int plannedChunks) {
        if (plannedChunks >= 0 && plannedChunks != chunks) {
            throw new IllegalStateException("the map results of run " + runId + " list " + chunks
                    + " chunks but the plan had " + plannedChunks);
        }
        return new RunTotals(runId, chunks, succeeded, deadLettered, failed, sourceRecords, records, valid, rejected,
                java.util.Collections.unmodifiableMap(new TreeMap<>(byReason)), List.copyOf(partitions), sourceDate, List.copyOf(listed), 0);
    }
}
