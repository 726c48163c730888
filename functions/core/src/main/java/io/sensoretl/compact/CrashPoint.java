package io.sensoretl.compact;

/** Called as a compaction passes each step; tests throw here to simulate a crash at that point. */
@FunctionalInterface
public interface CrashPoint {
    CrashPoint NONE = step -> {};

    void reached(CompactionStep step);
}
