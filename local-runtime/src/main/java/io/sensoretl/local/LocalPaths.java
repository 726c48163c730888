package io.sensoretl.local;

import java.nio.file.Path;

/** Where an {@code s3://bucket/key} of the local S3 lives on disk. */
public final class LocalPaths {
    private LocalPaths() {}

    public static Path of(DataDir dataDir, String s3Uri) {
        if (!s3Uri.startsWith("s3://")) {
            throw new IllegalArgumentException("expected an s3://bucket/key location, got " + s3Uri);
        }
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        return key.isEmpty() ? dataDir.s3().resolve(bucket) : dataDir.object(bucket, key);
    }
}
