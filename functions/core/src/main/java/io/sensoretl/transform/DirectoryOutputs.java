package io.sensoretl.transform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/** Writes a chunk's files under local directories: {@code readings/<partition>/} and {@code rejects/}. */
public final class DirectoryOutputs implements TransformOutputs {
    private final Path readingsDir;
    private final Path rejectsDir;

    public DirectoryOutputs(Path readingsDir, Path rejectsDir) {
        this.readingsDir = readingsDir;
        this.rejectsDir = rejectsDir;
    }

    @Override
    public OutputFile readings(String partition, String fileName) throws IOException {
        Path dir = Files.createDirectories(readingsDir.resolve(partition));
        return new LocalOutputFile(dir.resolve(fileName));
    }

    @Override
    public OutputFile rejects(String fileName) throws IOException {
        return new LocalOutputFile(Files.createDirectories(rejectsDir).resolve(fileName));
    }
}
