package io.sensoretl.local;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one execution of the workflow did, for people and for {@code --json} (docs/cli.md): read from
 * the summary the state machine's last state produces, plus where the files are on this machine.
 *
 * @param outcome   PROCESSED, ALREADY_PROCESSED (the ledger had the upload), ALREADY_RUNNING (another execution,
 *                  still running, holds it) or FAILED
 * @param heldBy    with ALREADY_RUNNING: the execution that holds the run
 * @param holder    with ALREADY_RUNNING: what is known of it, e.g. "RUNNING: pid 4242 on host a, started ..."
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunReport(
        @JsonProperty("executionId") String executionId,
        @JsonProperty("status") String status,
        @JsonProperty("outcome") String outcome,
        @JsonProperty("runId") String runId,
        @JsonProperty("source") String source,
        @JsonProperty("sourceRecords") long sourceRecords,
        @JsonProperty("readings") long readings,
        @JsonProperty("valid") long valid,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("rejectedByReason") Map<String, Long> rejectedByReason,
        @JsonProperty("chunks") int chunks,
        @JsonProperty("chunksDeadLettered") int chunksDeadLettered,
        @JsonProperty("chunksFailed") int chunksFailed,
        @JsonProperty("partitions") List<Partition> partitions,
        @JsonProperty("curatedPath") String curatedPath,
        @JsonProperty("rejectsPath") String rejectsPath,
        @JsonProperty("processedBy") String processedBy,
        @JsonProperty("heldBy") String heldBy,
        @JsonProperty("holder") String holder,
        @JsonProperty("error") String error,
        @JsonProperty("cause") String cause) {

    public static final String PROCESSED = "PROCESSED";
    public static final String ALREADY_PROCESSED = "ALREADY_PROCESSED";
    public static final String ALREADY_RUNNING = "ALREADY_RUNNING";
    public static final String FAILED = "FAILED";

    /**
     * A curated partition the run published: its catalog location and the local directory holding it,
     * and the key-range slices it was compacted in.
     */
    public record Partition(@JsonProperty("dt") String dt, @JsonProperty("status") String status,
                            @JsonProperty("location") String location, @JsonProperty("path") String path,
                            @JsonProperty("files") int files, @JsonProperty("bytes") long bytes,
                            @JsonProperty("slices") int slices) {}

    public static RunReport of(ExecutionResult result, DataDir dataDir) {
        String curated = dataDir.object(DataDir.DATA_BUCKET, "curated/readings").toString();
        String rejects = dataDir.object(DataDir.DATA_BUCKET, "curated/rejects").toString();
        if (result.status() != ExecutionStatus.SUCCEEDED) {
            return new RunReport(result.executionArn(), result.status().name(), FAILED, null, null, 0, 0, 0, 0, Map.of(), 0,
                    0, 0, List.of(), curated, rejects, null, null, null, result.error(), result.cause());
        }
        JsonNode out = result.output();
        if (ALREADY_PROCESSED.equals(out.path("status").asText())) {
            return new RunReport(result.executionArn(), result.status().name(), ALREADY_PROCESSED,
                    out.path("runId").asText(null), out.path("source").asText(null), 0, 0, 0, 0, Map.of(), 0, 0, 0, List.of(),
                    curated, rejects, out.path("processedBy").asText(null), null, null, null, null);
        }
        if (ALREADY_RUNNING.equals(out.path("status").asText())) {
            return new RunReport(result.executionArn(), result.status().name(), ALREADY_RUNNING,
                    out.path("runId").asText(null), out.path("source").asText(null), 0, 0, 0, 0, Map.of(), 0, 0, 0, List.of(),
                    curated, rejects, null, out.path("processedBy").asText(null), out.path("holder").asText(null), null, null);
        }
        Map<String, Long> byReason = new TreeMap<>();
        out.path("rejectedByReason").properties().forEach(e -> byReason.put(e.getKey(), e.getValue().asLong()));
        List<Partition> partitions = new ArrayList<>();
        for (JsonNode p : out.path("partitionsPublished")) {
            String location = p.path("location").asText(null);
            partitions.add(new Partition(p.path("dt").asText(), p.path("status").asText(), location,
                    location == null ? null : LocalPaths.of(dataDir, location).toString(), p.path("files").asInt(),
                    p.path("bytes").asLong(), p.path("slices").asInt()));
        }
        return new RunReport(result.executionArn(), result.status().name(), PROCESSED, out.path("runId").asText(null),
                out.path("source").asText(null), out.path("sourceRecords").asLong(), out.path("records").asLong(),
                out.path("valid").asLong(),
                out.path("rejected").asLong(), byReason, out.path("chunks").asInt(), out.path("chunksDeadLettered").asInt(),
                out.path("chunksFailed").asInt(), partitions, curated, rejects, null, null, null, null, null);
    }
}
