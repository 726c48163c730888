package io.sensoretl.store.local;

import io.sensoretl.store.ObjectMissingException;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A directory as a blob store for the local runtime: keys are relative paths. New blobs are written
 * to a hidden temporary file and renamed into place on close, which gives the same all-or-nothing
 * visibility as an S3 upload.
 */
public final class LocalObjectStore implements ObjectStore {
    private static final String TEMP_MARK = ".inflight-";

    private final Path root;
    private final String base;

    public LocalObjectStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        String uri = this.root.toUri().toString();
        // Path.toUri() ends in '/' only for directories that already exist
        this.base = uri.endsWith("/") ? uri : uri + "/";
    }

    @Override
    public List<StoredObject> list(String prefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        int cut = prefix.lastIndexOf('/');
        Path start = cut < 0 ? root : resolve(prefix.substring(0, cut));
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        List<StoredObject> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(start)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String key = root.relativize(p).toString().replace('\\', '/');
                if (key.startsWith(prefix) && !p.getFileName().toString().startsWith(TEMP_MARK)) {
                    out.add(new StoredObject(key, Files.size(p)));
                }
            }
        }
        out.sort(Comparator.comparing(StoredObject::key));
        return out;
    }

    /**
     * A directory keeps no object versions, so a read conditional on an ETag is refused rather than
     * answered without the check.
     */
    @Override
    public InputStream read(String key, long from, long to, String etag) throws IOException {
        if (etag != null) {
            throw new UnsupportedOperationException("the local store " + root + " keeps no object versions: cannot read "
                    + key + " on condition of ETag " + etag);
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(resolve(key), StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new ObjectMissingException(key, location(key) + " does not exist", e);
        }
        ch.position(from);
        InputStream in = Channels.newInputStream(ch);
        return to < 0 ? in : new BoundedInputStream(in, Math.max(0, to - from));
    }

    /** The file that holds an object, for readers that read a local file faster than a stream of ranges. */
    public Path path(String key) {
        return resolve(key);
    }

    @Override
    public ObjectOutput create(String key) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), TEMP_MARK, ".tmp");
        // buffered: Parquet writers hand over page headers and small values a few bytes at a time
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 64 * 1024);
        return new ObjectOutput() {
            private boolean done;

            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (done) {
                    return;
                }
                done = true;
                out.close();
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }

            @Override
            public void abort() {
                done = true;
                try {
                    out.close();
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a leftover temp file is invisible to list() and harmless
                }
            }
        };
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        for (String key : keys) {
            Path p = resolve(key);
            try {
                Files.deleteIfExists(p);
            } catch (NoSuchFileException ignored) {
                // deleted concurrently: the goal is reached
            }
            pruneEmptyParents(p.getParent());
        }
    }

    private void pruneEmptyParents(Path dir) {
        while (dir != null && dir.startsWith(root) && !dir.equals(root)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                return;
            }
            dir = dir.getParent();
        }
    }

    /** A directory has no lifecycle rules: the compactor's sweep of replaced versions is the rule here. */
    @Override
    public void tagReplaced(Collection<String> keys) {}

    @Override
    public String location(String prefix) {
        return base + prefix;
    }

    @Override
    public String prefixOf(String location) {
        if (!location.startsWith(base)) {
            throw new IllegalArgumentException("location " + location + " is not inside the local store " + base);
        }
        return location.substring(base.length());
    }

    private Path resolve(String key) {
        Path p = root.resolve(key).normalize();
        if (!p.startsWith(root)) {
            throw new IllegalArgumentException("key " + key + " escapes the local store " + root);
        }
        return p;
    }

    /** At most {@code remaining} bytes of a stream. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            super(in);
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }
    }
}
