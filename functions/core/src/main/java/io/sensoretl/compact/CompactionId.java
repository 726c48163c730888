package io.sensoretl.compact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names a partition's new curated version after what it is made of: the run being applied, the
 * version it is applied on top of, and the plan (staged files and slices). A retry of a crashed
 * compaction computes the same id and so overwrites its own leftovers instead of leaving a second
 * copy next to them; a task of an abandoned plan can never write into the version of another plan.
 */
public final class CompactionId {
    private CompactionId() {}

    public static String of(String runId, String currentLocation, String planDigest) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(runId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update((currentLocation == null ? "" : currentLocation).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(planDigest.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
