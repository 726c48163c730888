package io.sensoretl.chunk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One item of a chunk manifest: a byte range of one source object, processed by one transform
 * invocation. Distributed Map reads these from S3, so the field names are part of the workflow's
 * interface.
 *
 * @param index       position in the manifest; names the chunk's output files, so retries overwrite
 * @param start       first byte offset the chunk owns (0 for non-splittable objects)
 * @param end         first offset it does not own (the object size for non-splittable objects)
 * @param compression "none" or "gzip", detected from the object's first bytes at planning time
 * @param sourceDate  UTC day the source object was uploaded (its LastModified); partitions the rejects
 *                    table, and stays the same when the same object is processed again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChunkDescriptor(
        @JsonProperty("runId") String runId,
        @JsonProperty("index") int index,
        @JsonProperty("bucket") String bucket,
        @JsonProperty("key") String key,
        @JsonProperty("etag") String etag,
        @JsonProperty("size") long size,
        @JsonProperty("start") long start,
        @JsonProperty("end") long end,
        @JsonProperty("compression") String compression,
        @JsonProperty("splittable") boolean splittable,
        @JsonProperty("sourceDate") String sourceDate) {

    /** The version of the source object this chunk was planned on; reads are conditional on it. */
    @JsonIgnore
    public SourceVersion source() {
        return new SourceVersion(bucket, key, etag);
    }

    /** s3://bucket/key, for messages and the rejects table. */
    public String sourceUri() {
        return "s3://" + bucket + "/" + key;
    }

    public String fileStem() {
        return String.format("chunk-%05d", index);
    }
}
