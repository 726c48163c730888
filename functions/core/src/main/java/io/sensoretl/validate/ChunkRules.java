package io.sensoretl.validate;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.Mapping;

/**
 * A contract's rules as small objects, with the one piece of per-chunk state (the dedupe window). The
 * reference {@link ReadingMapper} and the columnar fast path of the same chunk share one instance, so a
 * record the fast path hands to the reference is judged against the same window.
 */
public final class ChunkRules {
    private final Contract contract;
    private final SensorIdRule sensorId;
    private final CoordinateRule lat;
    private final CoordinateRule lon;
    private final CandidateRules candidates;
    private final TimestampParser timestamps;
    private final DedupeWindow dedupe;

    public ChunkRules(Contract contract) {
        Mapping m = contract.mapping();
        this.contract = contract;
        this.sensorId = new SensorIdRule(m.sensorId());
        this.lat = m.lat() == null ? null : CoordinateRule.latitude(m.lat());
        this.lon = m.lon() == null ? null : CoordinateRule.longitude(m.lon());
        this.candidates = new CandidateRules(contract);
        this.timestamps = new TimestampParser(contract.timestamp());
        this.dedupe = new DedupeWindow(contract);
    }

    public Contract contract() {
        return contract;
    }

    public SensorIdRule sensorId() {
        return sensorId;
    }

    /** {@code null} when the mapping has no latitude. */
    public CoordinateRule lat() {
        return lat;
    }

    /** {@code null} when the mapping has no longitude. */
    public CoordinateRule lon() {
        return lon;
    }

    public CandidateRules candidates() {
        return candidates;
    }

    public TimestampParser timestamps() {
        return timestamps;
    }

    public DedupeWindow dedupe() {
        return dedupe;
    }

    /** The chunk is done: per-chunk memory (the dedupe window) may be reused by the next chunk of this thread. */
    public void release() {
        dedupe.release();
    }
}
