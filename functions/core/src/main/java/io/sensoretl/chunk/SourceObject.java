package io.sensoretl.chunk;

import io.sensoretl.decode.Compression;
import java.time.Instant;

/** A source object to plan, as listed or announced by S3, with its compression sniffed from its head. */
public record SourceObject(SourceVersion version, long size, Instant lastModified, Compression compression) {

    public String bucket() {
        return version.bucket();
    }

    public String key() {
        return version.key();
    }
}
