package io.sensoretl.chunk;

import io.sensoretl.decode.Compression;
import java.time.Instant;

/** A source object to plan, as listed or announced by S3, with its compression sniffed from its head. */
public record SourceObject(String bucket, String key, String etag, long size, Instant lastModified, Compression compression) {}
