package io.sensoretl.transform;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What one chunk's transformation did. Returned by the transform handler (and collected by the
 * Distributed Map's ResultWriter), so the JSON names are a public interface.
 *
 * <p>Accounting: {@code records = valid + rejected}. A record is a candidate reading: one per source
 * record in long form, one per listed value column in wide form; a source record that cannot be
 * decoded at all counts as rejected once per candidate it would have produced.
 */
public record ChunkStats(
        @JsonProperty("chunk") int chunk,
        @JsonProperty("source") String source,
        @JsonProperty("sourceRecords") long sourceRecords,
        @JsonProperty("records") long records,
        @JsonProperty("valid") long valid,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("rejectedByReason") Map<String, Long> rejectedByReason,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("partitions") List<String> partitions,
        @JsonProperty("files") List<String> files) {

    public ChunkStats {
        if (records != valid + rejected) {
            throw new IllegalStateException("accounting broken for chunk " + chunk + " of " + source + ": records "
                    + records + " != valid " + valid + " + rejected " + rejected);
        }
        rejectedByReason = Map.copyOf(rejectedByReason);
        partitions = List.copyOf(partitions);
        files = List.copyOf(files);
    }
}
