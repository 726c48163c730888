package io.sensoretl.compact;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Tuning of compaction.
 *
 * @param targetFileBytes curated file size to aim for: Athena reads large files efficiently, and
 *                        128-512 MiB is the usual advice; 256 MiB is the default
 * @param sortBudgetBytes heap the sort of unsorted input may buffer before spilling a sorted run to {@code scratch}
 * @param mergeFanIn      sorted inputs merged at once on local disk, and the most staged files a slice
 *                        reads directly (more go through group tasks)
 * @param scratch         local directory for spill files (Lambda: /tmp)
 * @param sliceRows       rows one task (slice or group) is planned to handle: a partition with more
 *                        is split into slices by key range, compacted in parallel
 * @param replacedGrace   how long a replaced curated version stays readable after the catalog
 *                        switched away from it (longer than the longest query)
 */
public record CompactionConfig(long targetFileBytes, long sortBudgetBytes, int mergeFanIn, Path scratch, long sliceRows,
                               Duration replacedGrace) {
    public static final long DEFAULT_TARGET_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_SORT_BUDGET_BYTES = 256L * 1024 * 1024;
    public static final int DEFAULT_FAN_IN = 64;
    public static final long DEFAULT_SLICE_ROWS = 40_000_000L;
    public static final Duration DEFAULT_REPLACED_GRACE = Duration.ofDays(1);

    public CompactionConfig {
        if (targetFileBytes < 1024) {
            throw new IllegalArgumentException("target file size must be at least 1 KiB, got " + targetFileBytes);
        }
        if (sortBudgetBytes < 1024) {
            throw new IllegalArgumentException("sort budget must be at least 1 KiB, got " + sortBudgetBytes);
        }
        if (mergeFanIn < 2) {
            throw new IllegalArgumentException("merge fan-in must be at least 2, got " + mergeFanIn);
        }
        if (sliceRows < 1) {
            throw new IllegalArgumentException("rows per slice must be positive, got " + sliceRows);
        }
        if (replacedGrace.isNegative()) {
            throw new IllegalArgumentException("grace period of replaced versions must not be negative, got " + replacedGrace);
        }
    }

    /** With the default slice size and grace period. */
    public CompactionConfig(long targetFileBytes, long sortBudgetBytes, int mergeFanIn, Path scratch) {
        this(targetFileBytes, sortBudgetBytes, mergeFanIn, scratch, DEFAULT_SLICE_ROWS, DEFAULT_REPLACED_GRACE);
    }

    public static CompactionConfig defaults(Path scratch) {
        return new CompactionConfig(DEFAULT_TARGET_BYTES, DEFAULT_SORT_BUDGET_BYTES, DEFAULT_FAN_IN, scratch);
    }

    public CompactionConfig withSliceRows(long rows) {
        return new CompactionConfig(targetFileBytes, sortBudgetBytes, mergeFanIn, scratch, rows, replacedGrace);
    }

    public CompactionConfig withReplacedGrace(Duration grace) {
        return new CompactionConfig(targetFileBytes, sortBudgetBytes, mergeFanIn, scratch, sliceRows, grace);
    }

    /**
     * Reads {@code COMPACT_TARGET_MIB}, {@code COMPACT_SORT_BUDGET_MIB}, {@code COMPACT_FAN_IN},
     * {@code COMPACT_SLICE_ROWS} and {@code REPLACED_VERSION_RETENTION_DAYS} (whole days, like the bucket's
     * lifecycle rule that expires the same versions on AWS).
     */
    public static CompactionConfig fromEnvironment(Map<String, String> env, Path scratch) {
        return new CompactionConfig(
                mib(env, "COMPACT_TARGET_MIB", DEFAULT_TARGET_BYTES),
                mib(env, "COMPACT_SORT_BUDGET_MIB", DEFAULT_SORT_BUDGET_BYTES),
                (int) number(env, "COMPACT_FAN_IN", DEFAULT_FAN_IN),
                scratch,
                number(env, "COMPACT_SLICE_ROWS", DEFAULT_SLICE_ROWS),
                Duration.ofDays(number(env, "REPLACED_VERSION_RETENTION_DAYS", DEFAULT_REPLACED_GRACE.toDays())));
    }

    private static long mib(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Math.round(Double.parseDouble(v) * 1024 * 1024);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number of MiB, got '" + v + "'", e);
        }
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'", e);
        }
    }
}
