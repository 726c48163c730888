package io.sensoretl.chunk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * Derives a run's id from what it processes (bucket, key, ETag), so a duplicate upload event maps to
 * the same run and every output key of the run is the same on a retry.
 */
public final class RunId {
    private RunId() {}

    public static String of(List<SourceObject> objects) {
        MessageDigest sha = sha256();
        objects.stream().sorted(Comparator.comparing(SourceObject::bucket).thenComparing(SourceObject::key)).forEach(o -> {
            sha.update((o.bucket() + "\n" + o.key() + "\n" + o.etag() + "\n").getBytes(StandardCharsets.UTF_8));
        });
        return "run-" + HexFormat.of().formatHex(sha.digest(), 0, 10);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
