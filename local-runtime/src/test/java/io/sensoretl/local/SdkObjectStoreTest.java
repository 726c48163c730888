package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.services.ObjectStore.ObjectSummary;
import io.sensoretl.asl.services.ObjectStoreException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine's S3 port over the real SDK v2 client, against the local S3 endpoint (S3Proxy). */
class SdkObjectStoreTest {
    private static LocalS3 server;
    private static SdkObjectStore store;

    @BeforeAll
    static void start() {
        server = LocalS3.startInMemory();
        store = new SdkObjectStore(server.client(), 2);
        store.createBucket("items");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void putThenGetRoundTripsTheBytesAndKeepsTheContentType() {
        store.put("items", "a/results.json", "{\"ok\":true}".getBytes(StandardCharsets.UTF_8), "application/json");
        assertThat(new String(store.get("items", "a/results.json"), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(server.client().headObject(b -> b.bucket("items").key("a/results.json")).contentType())
                .isEqualTo("application/json");
    }

    @Test
    void listFollowsContinuationTokensAndFiltersByPrefixInKeyOrder() {
        store.createBucket("listing");
        for (String key : new String[] {"p/3", "p/1", "q/1", "p/2", "p/5", "p/4"}) {
            store.put("listing", key, key.getBytes(StandardCharsets.UTF_8), null);
        }
        assertThat(store.list("listing", "p/")).extracting(ObjectSummary::key)
                .containsExactly("p/1", "p/2", "p/3", "p/4", "p/5");
        assertThat(store.list("listing", null)).hasSize(6);
        ObjectSummary first = store.list("listing", "q/").get(0);
        assertThat(first.size()).isEqualTo(3L);
        assertThat(first.eTag()).isNotBlank();
        assertThat(first.lastModified()).isNotNull();
    }

    @Test
    void creatingAnExistingBucketLeavesItsObjects() {
        store.createBucket("again");
        store.put("again", "k", new byte[] {1}, null);
        store.createBucket("again");
        assertThat(store.get("again", "k")).containsExactly(1);
    }

    @Test
    void failuresCarryTheServiceMessage() {
        assertThatThrownBy(() -> store.get("items", "missing.json")).isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("does not exist");
        assertThatThrownBy(() -> store.list("no-such-bucket", null)).isInstanceOf(ObjectStoreException.class)
                .hasMessageContaining("does not exist");
    }
}
