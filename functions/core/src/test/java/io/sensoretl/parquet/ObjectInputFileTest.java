package io.sensoretl.parquet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.StoredObject;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ObjectInputFileTest {
    @TempDir
    Path dir;

    private LocalObjectStore local;
    private final List<String> reads = new ArrayList<>();

    @BeforeEach
    void putAnObject() throws IOException {
        local = new LocalObjectStore(dir);
        try (ObjectOutput out = local.create("p.parquet")) {
            out.write("abcdefghij".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    @Test
    void anObjectInALocalDirectoryIsParquetsOwnLocalFile() throws IOException {
        InputFile file = ObjectInputFile.of(local, local.list("p.parquet").get(0));
        assertThat(file).isInstanceOf(LocalInputFile.class);
        assertThat(file.getLength()).isEqualTo(10);
    }

    @Test
    void anyOtherStoreIsReadWithOneOpenEndedRangePerSeek() throws IOException {
        ObjectStore remote = new RangeRecordingStore();
        InputFile file = ObjectInputFile.of(remote, remote.list("p.parquet").get(0));
        assertThat(file).isInstanceOf(ObjectInputFile.class);
        try (SeekableInputStream in = file.newStream()) {
            in.seek(8);
            byte[] tail = new byte[2];
            in.readFully(tail);
            assertThat(ascii(tail)).isEqualTo("ij");
            in.seek(0);
            byte[] head = new byte[3];
            in.readFully(head);
            assertThat(in.read()).isEqualTo('d');
            assertThat(ascii(head)).isEqualTo("abc");
            assertThat(in.getPos()).isEqualTo(4);
        }
        assertThat(reads).containsExactly("p.parquet@8-", "p.parquet@0-");
    }

    @Test
    void readingPastTheEndSaysWhichObjectEndedWhere() throws IOException {
        ObjectStore remote = new RangeRecordingStore();
        try (SeekableInputStream in = ObjectInputFile.of(remote, remote.list("p.parquet").get(0)).newStream()) {
            in.seek(7);
            assertThatThrownBy(() -> in.readFully(new byte[5])).isInstanceOf(EOFException.class)
                    .hasMessageContaining("p.parquet").hasMessageContaining("ended at 10 of 10");
        }
    }

    /** The local directory seen as another store (not a LocalObjectStore), recording each ranged read. */
    private final class RangeRecordingStore implements ObjectStore {
        @Override
        public List<StoredObject> list(String prefix) throws IOException {
            return local.list(prefix);
        }

        @Override
        public InputStream read(String key, long from, long to, String etag) throws IOException {
            reads.add(key + "@" + from + "-" + (to < 0 ? "" : String.valueOf(to)));
            return local.read(key, from, to, etag);
        }

        @Override
        public ObjectOutput create(String key) throws IOException {
            return local.create(key);
        }

        @Override
        public void delete(Collection<String> keys) throws IOException {
            local.delete(keys);
        }

        @Override
        public void tagReplaced(Collection<String> keys) {}

        @Override
        public String location(String prefix) {
            return local.location(prefix);
        }

        @Override
        public String prefixOf(String location) {
            return local.prefixOf(location);
        }
    }
}
