package io.sensoretl.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.parquet.ObjectInputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.parquet.io.SeekableInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The object store port, run against S3 (the SDK against S3Proxy) and the local directory. */
public abstract class ObjectStoreContract {
    protected ObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void create() throws Exception {
        store = newStore();
    }

    protected void put(String key, String text) throws IOException {
        try (ObjectOutput out = store.create(key)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static String text(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anObjectAppearsWhenItsOutputIsClosedAndAnAbortedOneNever() throws IOException {
        ObjectOutput out = store.create("runs/r/a.json");
        out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(store.list("runs/")).isEmpty();
        out.close();
        assertThat(store.list("runs/")).containsExactly(new StoredObject("runs/r/a.json", 7));

        ObjectOutput aborted = store.create("runs/r/b.json");
        aborted.write(new byte[] {1, 2, 3});
        aborted.abort();
        assertThat(store.list("runs/")).extracting(StoredObject::key).containsExactly("runs/r/a.json");
    }

    @Test
    void listingReturnsTheObjectsUnderAPrefixInKeyOrder() throws IOException {
        put("curated/readings/dt=2024-03-02/part-1.parquet", "bb");
        put("curated/readings/dt=2024-03-01/part-0.parquet", "a");
        put("curated/rejects/dt=2024-03-01/x.parquet", "ccc");
        assertThat(store.list("curated/readings/")).containsExactly(
                new StoredObject("curated/readings/dt=2024-03-01/part-0.parquet", 1),
                new StoredObject("curated/readings/dt=2024-03-02/part-1.parquet", 2));
        assertThat(store.list("curated/readings/dt=2024-03-01/part-")).hasSize(1);
        assertThat(store.list("nothing/")).isEmpty();
    }

    @Test
    void aRangedReadReturnsExactlyTheRangeAndAnOpenEndedOneTheRest() throws IOException {
        put("dump.ndjson", "0123456789");
        assertThat(text(store.read("dump.ndjson", 2, 5, null))).isEqualTo("234");
        assertThat(text(store.read("dump.ndjson", 7, -1, null))).isEqualTo("789");
        assertThat(text(store.read("dump.ndjson", 0, 10, null))).isEqualTo("0123456789");
    }

    @Test
    void anEmptyObjectReadsWholeAsNoBytes() throws IOException {
        put("empty.json", "");
        assertThat(text(store.read("empty.json", 0, -1, null))).isEmpty();
    }

    @Test
    void aStreamClosedEarlyIsFine() throws IOException {
        put("big.bin", "x".repeat(1 << 20));
        try (InputStream in = store.read("big.bin", 0, -1, null)) {
            assertThat(in.read()).isEqualTo('x');
        }
        assertThat(text(store.read("big.bin", (1 << 20) - 2, -1, null))).isEqualTo("xx");
    }

    @Test
    void readingAMissingObjectSaysWhichOne() {
        assertThatThrownBy(() -> store.read("incoming/gone.ndjson", 0, 10, null)).isInstanceOfSatisfying(
                ObjectMissingException.class, e -> assertThat(e.key()).isEqualTo("incoming/gone.ndjson"))
                .hasMessageContaining("incoming/gone.ndjson");
    }

    @Test
    void theParquetViewReadsAnywhereInTheObject() throws IOException {
        put("p.parquet", "abcdefghij");
        StoredObject o = store.list("p.parquet").get(0);
        assertThat(ObjectInputFile.of(store, o).getLength()).isEqualTo(10);
        try (SeekableInputStream in = ObjectInputFile.of(store, o).newStream()) {
            in.seek(8);
            byte[] tail = new byte[2];
            in.readFully(tail);
            assertThat(new String(tail, StandardCharsets.US_ASCII)).isEqualTo("ij");
            in.seek(1);
            assertThat(in.read()).isEqualTo('b');
            assertThat(in.getPos()).isEqualTo(2);
        }
    }

    @Test
    void deletingRemovesTheObjectsAndAMissingKeyIsNotAnError() throws IOException {
        put("a/1", "1");
        put("a/2", "2");
        store.delete(List.of("a/1", "a/never"));
        assertThat(store.list("a/")).extracting(StoredObject::key).containsExactly("a/2");
    }

    @Test
    void aLocationNamesAPrefixTheStoreGivesBack() {
        String location = store.location("curated/readings/dt=2024-03-01/v=abc/");
        assertThat(store.prefixOf(location)).isEqualTo("curated/readings/dt=2024-03-01/v=abc/");
        assertThatThrownBy(() -> store.prefixOf("elsewhere://x/y")).isInstanceOf(IllegalArgumentException.class);
    }
}
