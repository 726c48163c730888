package io.sensoretl.latest;

/**
 * @param written       series whose stored reading was replaced (or created)
 * @param skippedOlder  series where the store already held a reading at least as new
 */
public record UpsertSummary(int written, int skippedOlder) {
    public UpsertSummary plus(UpsertSummary other) {
        return new UpsertSummary(written + other.written, skippedOlder + other.skippedOlder);
    }
}
