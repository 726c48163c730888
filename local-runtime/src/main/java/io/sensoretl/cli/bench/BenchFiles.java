package io.sensoretl.cli.bench;

import io.sensoretl.cli.ProgressStream;
import io.sensoretl.generate.AirQualityGenerator;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.progress.Progress;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** What the benchmarks share: generated dumps kept for reuse, scratch trees, rounding for the JSON line. */
final class BenchFiles {
    private BenchFiles() {}

    /** The generated dump for these settings in {@code dir}, generated once (atomically) and then reused. */
    static Path dump(Path dir, long size, long seed, double badShare, Progress progress) throws IOException {
        Files.createDirectories(dir);
        Path dump = dir.resolve(String.format("dump-%d-s%d-b%s.ndjson", size, seed, badShare));
        if (!Files.exists(dump)) {
            System.err.printf("generating %s (%,d bytes)...%n", dump, size);
            Path tmp = dir.resolve(dump.getFileName() + ".part");
            progress.start("generating " + dump.getFileName(), size, -1);
            try (OutputStream out = new ProgressStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20), progress)) {
                new DumpGenerator(seed, badShare).writeBytes(out, size);
            } finally {
                progress.finish();
            }
            Files.move(tmp, dump);
        }
        return dump;
    }

    /** A generated UCI Air Quality-shaped CSV of this size in {@code dir}, generated once (atomically) and then reused. */
    static Path csvDump(Path dir, long size, long seed, double badShare, Progress progress) throws IOException {
        Files.createDirectories(dir);
        Path dump = dir.resolve(String.format("airquality-%d-s%d-b%s.csv", size, seed, badShare));
        if (!Files.exists(dump)) {
            System.err.printf("generating %s (%,d bytes)...%n", dump, size);
            Path tmp = dir.resolve(dump.getFileName() + ".part");
            progress.start("generating " + dump.getFileName(), size, -1);
            try (OutputStream out = new ProgressStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20), progress)) {
                new AirQualityGenerator(seed, badShare).writeBytes(out, size);
            } finally {
                progress.finish();
            }
            Files.move(tmp, dump);
        }
        return dump;
    }

    static long treeSize(Path root) throws IOException {
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
