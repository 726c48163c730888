package io.sensoretl.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The run's accounting, added up from every chunk's stats: the JSON the workflow's run-results step
 * returns (and the summary repeats), so the names are a public interface.
 *
 * @param chunksFailed  children that failed even their dead-letter step (only possible when the map
 *                      tolerates failures): their records are in neither the curated data nor the DLQ
 * @param partitions    the dt values ({@code YYYY-MM-DD}) that successful chunks staged rows for
 * @param sourceDate    the upload day (partitions the rejects table); null when there were no chunks
 * @param deadLettered  the first {@link RunResults#LISTED_DEAD_LETTERS} chunks that were not processed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RunTotals(
        @JsonProperty("runId") String runId,
        @JsonProperty("chunks") int chunks,
        @JsonProperty("chunksSucceeded") int chunksSucceeded,
        @JsonProperty("chunksDeadLettered") int chunksDeadLettered,
        @JsonProperty("chunksFailed") int chunksFailed,
        @JsonProperty("sourceRecords") long sourceRecords,
        @JsonProperty("records") long records,
        @JsonProperty("valid") long valid,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("rejectedByReason") Map<String, Long> rejectedByReason,
        @JsonProperty("partitions") List<String> partitions,
        @JsonProperty("sourceDate") String sourceDate,
        @JsonProperty("deadLettered") List<DeadLetteredChunk> deadLettered,
        @JsonProperty("partialFilesDiscarded") int partialFilesDiscarded) {

    public RunTotals withPartialFilesDiscarded(int files) {
        return new RunTotals(runId, chunks, chunksSucceeded, chunksDeadLettered, chunksFailed, sourceRecords, records,
                valid, rejected, rejectedByReason, partitions, sourceDate, deadLettered, files);
    }
}
