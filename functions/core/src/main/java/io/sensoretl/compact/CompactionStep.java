package io.sensoretl.compact;

/** The points of a compaction between which a crash leaves a distinct state (see docs/finalisation.md). */
public enum CompactionStep {
    /** The plan is written (leftovers of earlier attempts cleared); nothing new written yet. */
    PLANNED,
    /** A group task wrote its sorted runs (one per slice) and its manifest; other groups may not have. */
    GROUP_WRITTEN,
    /** A slice task cleared its own leftovers in the version location; nothing new written yet. */
    WRITING,
    /** At least one curated part of a slice is complete. */
    PART_WRITTEN,
    /** A slice wrote all its parts, its latest-readings file and its manifest; other slices may not have. */
    SLICE_WRITTEN,
    /** Every slice is complete; the catalog still points at the old version. */
    BEFORE_SWITCH,
    /** The catalog points at the new version; old versions still exist. */
    SWITCHED,
    /** Old versions are marked replaced (and deleted once their grace period is over). */
    DONE
}
