package io.sensoretl.compact;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The small JSON files that tie a sliced compaction together, in the blob store under
 * {@code runs/<run>/compact/}: the plan, one manifest per finished group and per finished slice
 * (written last, so a manifest means the task's files are complete), and the Map items.
 */
public final class PlanFiles {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final ObjectStore blobs;

    PlanFiles(ObjectStore blobs) {
        this.blobs = blobs;
    }

    /** Sorted runs one group task wrote: entry {@code s} holds slice {@code s}'s rows, or null when it has none. */
    public record GroupManifest(@JsonProperty("group") int group, @JsonProperty("rows") long rows,
                         @JsonProperty("sliceRuns") List<StoredObject> sliceRuns, @JsonProperty("spills") int spills,
                         @JsonProperty("resorted") List<String> resorted) {}

    /** What one slice task published into the new version. */
    public record SliceManifest(@JsonProperty("slice") int slice, @JsonProperty("files") List<StoredObject> files,
                         @JsonProperty("stagedRows") long stagedRows, @JsonProperty("keptRows") long keptRows,
                         @JsonProperty("replacedRows") long replacedRows, @JsonProperty("spills") int spills,
                         @JsonProperty("resorted") List<String> resorted, @JsonProperty("resortedBase") boolean resortedBase) {}

    void write(String key, Object value) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(value);
        try (ObjectOutput out = blobs.create(key)) {
            out.write(bytes);
        }
    }

    /** The object stored under {@code key}, or null when there is none. */
    <T> T read(String key, Class<T> type) throws IOException {
        for (StoredObject b : blobs.list(key)) {
            if (b.key().equals(key)) {
                try (InputStream in = blobs.read(b.key(), 0, -1, null)) {
                    return JSON.readValue(in.readAllBytes(), type);
                }
            }
        }
        return null;
    }

    CompactionPlan plan(String runId, String dt) throws IOException {
        CompactionPlan plan = read(CuratedLayout.planKey(runId, dt), CompactionPlan.class);
        if (plan == null) {
            throw new IllegalStateException("no compaction plan for run " + runId + " partition dt=" + dt
                    + " (" + CuratedLayout.planKey(runId, dt) + "): plan the compaction first");
        }
        return plan;
    }

    /** The plan a task was given, refusing a task of an older plan (the partition was re-planned since). */
    CompactionPlan plan(CompactionPlan.Task task) throws IOException {
        CompactionPlan plan = plan(task.runId(), task.dt());
        if (!plan.compactionId().equals(task.compactionId())) {
            throw new IllegalStateException("task " + task + " belongs to compaction " + task.compactionId()
                    + " but dt=" + task.dt() + " is now planned as " + plan.compactionId() + ": plan again");
        }
        return plan;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
