package io.sensoretl.transform;

import io.sensoretl.decode.Compression;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A dump on the local disk (benchmarks, tests, the local runtime before upload). */
public final class FileByteSource implements ByteSource {
    private final Path file;
    private final Compression compression;

    public FileByteSource(Path file) throws IOException {
        this.file = file;
        byte[] head = new byte[Compression.MAGIC_BYTES];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            this.compression = Compression.detect(java.util.Arrays.copyOf(head, n));
        }
    }

    public Compression compression() {
        return compression;
    }

    @Override
    public InputStream open(long from) throws IOException {
        if (compression != Compression.NONE && from != 0) {
            throw new IllegalArgumentException(file + " is " + compression + "-compressed and can only be read from the start");
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
        ch.position(from);
        return compression.decode(new BufferedInputStream(Channels.newInputStream(ch), 256 * 1024));
    }
}
