package io.sensoretl.compact;

import java.nio.file.Path;
import java.util.Map;

/**
 * Tuning of one compaction.
 *
 * @param targetFileBytes curated file size to aim for: Athena reads large files efficiently, and
 *                        128-512 MiB is the usual advice; 256 MiB is the default
 * @param sortBudgetBytes heap the sort may buffer before spilling a sorted run to {@code scratch}
 * @param mergeFanIn      spill files merged at once; more runs cost an extra merge pass
 * @param scratch         local directory for spill files (Lambda: /tmp)
 */
public record CompactionConfig(long targetFileBytes, long sortBudgetBytes, int mergeFanIn, Path scratch) {
    public static final long DEFAULT_TARGET_BYTES = 256L * 1024 * 1024;
    public static final long DEFAULT_SORT_BUDGET_BYTES = 128L * 1024 * 1024;
    public static final int DEFAULT_FAN_IN = 64;

    public CompactionConfig {
        if (targetFileBytes < 1024) {
            throw new IllegalArgumentException("target file size must be at least 1 KiB, got " + targetFileBytes);
        }
        if (sortBudgetBytes < 1024) {
            throw new IllegalArgumentException("sort budget must be at least 1 KiB, got " + sortBudgetBytes);
        }
    }

    public static CompactionConfig defaults(Path scratch) {
        return new CompactionConfig(DEFAULT_TARGET_BYTES, DEFAULT_SORT_BUDGET_BYTES, DEFAULT_FAN_IN, scratch);
    }

    /** Reads {@code COMPACT_TARGET_MIB}, {@code COMPACT_SORT_BUDGET_MIB}, {@code COMPACT_FAN_IN}. */
    public static CompactionConfig fromEnvironment(Map<String, String> env, Path scratch) {
        return new CompactionConfig(
                mib(env, "COMPACT_TARGET_MIB", DEFAULT_TARGET_BYTES),
                mib(env, "COMPACT_SORT_BUDGET_MIB", DEFAULT_SORT_BUDGET_BYTES),
                Integer.parseInt(env.getOrDefault("COMPACT_FAN_IN", String.valueOf(DEFAULT_FAN_IN))),
                scratch);
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
}
