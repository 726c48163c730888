package io.sensoretl.store.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.SourceChangedException;
import io.sensoretl.chunk.SourceMissingException;
import io.sensoretl.store.ObjectChangedException;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.ObjectStoreContract;
import io.sensoretl.testing.EmbeddedS3;
import io.sensoretl.transform.ChunkBytes;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class S3ObjectStoreTest extends ObjectStoreContract {
    private EmbeddedS3 s3;

    @Override
    protected ObjectStore newStore() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket("data");
        return S3ObjectStore.withoutLifecycleTags(s3.client(), "data");
    }

    @AfterEach
    void stop() throws Exception {
        s3.close();
    }

    private String etag(String key) {
        return s3.client().headObject(b -> b.bucket("data").key(key)).eTag();
    }

    @Test
    void aReadOnConditionOfTheCurrentEtagSucceedsAndOfAnOldOneFails() throws Exception {
        put("incoming/a.ndjson", "first");
        String first = etag("incoming/a.ndjson");
        try (InputStream in = store.read("incoming/a.ndjson", 0, -1, first)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("first");
        }
        put("incoming/a.ndjson", "second");
        assertThatThrownBy(() -> store.read("incoming/a.ndjson", 0, -1, first)).isInstanceOf(ObjectChangedException.class)
                .hasMessage("s3://data/incoming/a.ndjson is no longer version " + first);
    }

    @Test
    void parquetAndJsonObjectsAreStoredWithTheirMediaTypes() throws Exception {
        put("runs/r/staging/dt=2024-03-01/chunk-00000.parquet", "PAR1");
        put("runs/r/compact/plan.json", "{}");
        put("runs/r/compact/latest/slice-00000.ndjson", "{}");
        assertThat(s3.client().headObject(b -> b.bucket("data").key("runs/r/staging/dt=2024-03-01/chunk-00000.parquet"))
                .contentType()).isEqualTo("application/vnd.apache.parquet");
        assertThat(s3.client().headObject(b -> b.bucket("data").key("runs/r/compact/plan.json")).contentType())
                .isEqualTo("application/json");
        assertThat(s3.client().headObject(b -> b.bucket("data").key("runs/r/compact/latest/slice-00000.ndjson"))
                .contentType()).isEqualTo("application/octet-stream");
    }

    private ChunkDescriptor chunk(String etag, long size, long start, long end) {
        return new ChunkDescriptor("run-x", 0, "data", "incoming/d.ndjson", etag, size, start, end, "none", true, "2024-03-01");
    }

    @Test
    void aChunkReadsItsRangeThenFollowsTheLastRecordPastItsEnd() throws Exception {
        put("incoming/d.ndjson", "aaaa\nbbbbbbbb\ncc\n");
        String etag = etag("incoming/d.ndjson");
        try (InputStream in = new ChunkBytes(store, chunk(etag, 17, 5, 8)).open(5)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("bbbbbbbb\ncc\n");
        }
    }

    @Test
    void aChunkOfAReplacedOrDeletedSourceFailsWithTheSourcesError() throws Exception {
        put("incoming/d.ndjson", "aaaa\n");
        String planned = etag("incoming/d.ndjson");
        put("incoming/d.ndjson", "bbbb\n");
        assertThatThrownBy(() -> new ChunkBytes(store, chunk(planned, 5, 0, 5)).open(0).read())
                .isInstanceOf(SourceChangedException.class)
                .hasMessage("s3://data/incoming/d.ndjson changed since it was planned (ETag is no longer " + planned
                        + "); the new upload is a run of its own");
        store.delete(java.util.List.of("incoming/d.ndjson"));
        assertThatThrownBy(() -> new ChunkBytes(store, chunk(planned, 5, 0, 5)).open(0).read())
                .isInstanceOf(SourceMissingException.class)
                .hasMessageStartingWith("s3://data/incoming/d.ndjson does not exist (it was planned with ETag " + planned);
    }
}
