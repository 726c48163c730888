package io.sensoretl.generate;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * What the generator wrote, computed as it wrote it: the expected outcome of processing the dump
 * with the default contract. Tests compare the pipeline's output (read back by DuckDB) with this.
 *
 * @param partitions per {@code dt=YYYY-MM-DD}: valid readings and the sum of their canonical values
 * @param sensors    per sensor id: valid readings
 * <p>Names are camelCase like every JSON document of the project; truth files written before that
 * ({@code rejected_by_reason}, {@code value_sum}) still read.
 */
public record GeneratorTruth(
        @JsonProperty("seed") long seed,
        @JsonProperty("records") long records,
        @JsonProperty("bytes") long bytes,
        @JsonProperty("valid") long valid,
        @JsonProperty("rejected") long rejected,
        @JsonProperty("rejectedByReason") @JsonAlias("rejected_by_reason") Map<String, Long> rejectedByReason,
        @JsonProperty("partitions") Map<String, PartitionTruth> partitions,
        @JsonProperty("sensors") Map<String, Long> sensors) {

    public record PartitionTruth(@JsonProperty("count") long count, @JsonProperty("valueSum") @JsonAlias("value_sum") double valueSum) {}
}
