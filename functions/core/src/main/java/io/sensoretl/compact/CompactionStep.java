package io.sensoretl.compact;

/** The points of a compaction between which a crash leaves a distinct state (see docs/finalisation.md). */
public enum CompactionStep {
    /** The version location was cleared of leftovers; nothing new written yet. */
    WRITING,
    /** At least one curated part of the new version is complete. */
    PART_WRITTEN,
    /** All parts and the run's latest-readings file are written; the catalog still points at the old version. */
    BEFORE_SWITCH,
    /** The catalog points at the new version; old versions still exist. */
    SWITCHED,
    /** Old versions are deleted. */
    DONE
}
