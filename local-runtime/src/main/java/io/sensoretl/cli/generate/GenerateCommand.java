package io.sensoretl.cli.generate;

import io.sensoretl.cli.JsonOutput;
import io.sensoretl.cli.UserError;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write a realistic NDJSON sensor dump in the default contract's shape, reproducibly from a seed.",
            "Also writes FILE.truth.json: what a correct pipeline must make of it (valid readings, rejects by reason, sums)."})
public final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--records", description = "Number of records to write (or give --size).")
    Long records;

    @Option(names = "--size", converter = io.sensoretl.cli.ByteSize.class,
            description = "Write records until the file has at least this many bytes, e.g. 10GiB (instead of --records).")
    Long size;

    @Option(names = "--days", description = "Spread the records evenly over this many UTC days from 2024-03-01"
            + " (1: a single-day dump, one curated partition). Default: one record every 250 ms, so large dumps span days.")
    Integer days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (same seed, same file). Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--bad-share", defaultValue = "0.02",
            description = "Share of bad records, spread over every kind of defect; 0 makes every record valid. Default: ${DEFAULT-VALUE}.")
    double badShare;

    @Option(names = "--sensors", defaultValue = "500", description = "Distinct sensor ids. Default: ${DEFAULT-VALUE}.")
    int sensors;

    @Option(names = {"-o", "--output"}, required = true, description = "File to write.")
    Path output;

    @Option(names = "--json", description = "Print the truth summary as JSON.")
    boolean json;

    /** Fewer bytes than any record mix writes on average, so a --size dump spread over --days ends inside them. */
    private static final long MIN_AVERAGE_RECORD_BYTES = 150;

    @Override
    public Integer call() throws Exception {
        if ((records == null) == (size == null)) {
            throw new UserError("give either --records or --size");
        }
        if (records != null && records < 0) {
            throw new UserError("--records must be >= 0, got " + records);
        }
        if (days != null && days < 1) {
            throw new UserError("--days must be at least 1, got " + days);
        }
        if (badShare < 0 || badShare > 1) {
            throw new UserError("--bad-share must be between 0 and 1, got " + badShare);
        }
        Path parent = output.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UserError("cannot write " + output + ": directory " + parent + " does not exist");
        }
        DumpGenerator generator = new DumpGenerator(seed, badShare, sensors);
        if (days != null) {
            long expected = records != null ? Math.max(1, records) : Math.max(1, size / MIN_AVERAGE_RECORD_BYTES);
            long stepNanos = Math.max(1_000, java.time.Duration.ofDays(days).toNanos() / expected / 1_000 * 1_000);
            generator = new DumpGenerator(seed, badShare, sensors, java.time.Instant.parse("2024-03-01T00:00:00Z"),
                    java.time.Duration.ofNanos(stepNanos));
        }
        GeneratorTruth truth;
        long t0 = System.nanoTime();
        // progress on stderr (not with --json): a --size 10GiB dump takes about half a minute
        io.sensoretl.progress.Progress progress = io.sensoretl.cli.ProgressLine.forCommand(json);
        progress.start("generate " + output.getFileName(), size != null ? size : -1, records != null ? records : -1);
        try (OutputStream out = new BufferedOutputStream(
                new io.sensoretl.cli.ProgressStream(Files.newOutputStream(output), progress), 1 << 20)) {
            truth = records != null ? generator.writeRecords(out, records) : generator.writeBytes(out, size);
        } finally {
            progress.finish();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        Path truthFile = Path.of(output + ".truth.json");
        Files.writeString(truthFile, JsonOutput.line(truth));
        if (json) {
            System.out.println(JsonOutput.document(truth));
        } else {
            System.out.printf("wrote %s: %,d records (%,d valid, %,d bad), %,d bytes in %d partition(s), %.1f s (%.0f MB/s)%n",
                    output, truth.records(), truth.valid(), truth.rejected(), truth.bytes(), truth.partitions().size(), seconds,
                    truth.bytes() / 1e6 / Math.max(seconds, 1e-9));
            System.out.println("expected outcome: " + truthFile);
        }
        return 0;
    }
}
