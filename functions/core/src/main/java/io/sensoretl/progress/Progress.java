package io.sensoretl.progress;

/**
 * Where a long task (a transform, a compaction, generating a dump, a benchmark) reports how far it is,
 * for whoever shows it: the CLI draws a live line on a terminal and periodic lines otherwise, Lambda
 * passes {@link #NONE}. Implementations are thread-safe and cheap to call: chunks transformed side by
 * side advance the same task, and a caller may report every few thousand records.
 */
public interface Progress {
    /** Reports nothing. */
    Progress NONE = new Progress() {
        @Override
        public void start(String task, long totalBytes, long totalRecords) {}

        @Override
        public void advance(long bytes, long records) {}

        @Override
        public void finish() {}
    };

    /**
     * A task begins (a new one replaces the previous one).
     *
     * @param task         what is being done, e.g. "transform"
     * @param totalBytes   the bytes it will process, or -1 when not known
     * @param totalRecords the records it will process, or -1 when not known
     */
    void start(String task, long totalBytes, long totalRecords);

    /** Bytes and records processed since the last call (either may be 0). */
    void advance(long bytes, long records);

    /** The task is over: its last state is shown once more, and nothing after. */
    void finish();
}
