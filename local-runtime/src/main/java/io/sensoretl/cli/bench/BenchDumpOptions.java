package io.sensoretl.cli.bench;

import io.sensoretl.progress.Progress;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The generated dump a benchmark runs on (besides its size, whose default differs per benchmark). */
final class BenchDumpOptions {
    @Option(names = "--seed", defaultValue = "1", description = "Generator seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bad-share", defaultValue = "0.02", description = "Share of bad records. Default: ${DEFAULT-VALUE}.")
    double badShare;

    @Option(names = "--dir", defaultValue = "bench-data", description = "Where dumps are kept for reuse. Default: ${DEFAULT-VALUE}.")
    Path dir;

    /** The dump of this size, generated on first use. */
    Path dump(long size, Progress progress) throws IOException {
        return BenchFiles.dump(dir, size, seed, badShare, progress);
    }

    /** The UCI Air Quality-shaped CSV of this size, generated on first use. */
    Path csvDump(long size, Progress progress) throws IOException {
        return BenchFiles.csvDump(dir, size, seed, badShare, progress);
    }
}
