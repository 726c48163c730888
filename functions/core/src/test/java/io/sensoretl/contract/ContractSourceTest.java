package io.sensoretl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.store.ObjectMissingException;
import io.sensoretl.store.ObjectOutput;
import io.sensoretl.store.ObjectStore;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContractSourceTest {
    @TempDir
    Path dir;

    private final List<String> bucketsAsked = new ArrayList<>();

    private ContractSource source(ObjectStore store) {
        return new ContractSource(bucket -> {
            bucketsAsked.add(bucket);
            return store;
        });
    }

    private static byte[] defaultContract() throws IOException {
        try (InputStream in = ContractSourceTest.class.getClassLoader().getResourceAsStream(ContractLoader.DEFAULT_RESOURCE)) {
            return in.readAllBytes();
        }
    }

    @Test
    void anS3ContractIsReadThroughTheStoreOfItsBucketOnceAndKept() throws IOException {
        LocalObjectStore store = new LocalObjectStore(dir);
        try (ObjectOutput out = store.create("contracts/c.yaml")) {
            out.write(defaultContract());
        }
        ContractSource contracts = source(store);

        Contract first = contracts.get("s3://config-bucket/contracts/c.yaml");
        assertThat(first).usingRecursiveComparison().isEqualTo(ContractLoader.classpath(ContractLoader.DEFAULT_RESOURCE));
        assertThat(contracts.get("s3://config-bucket/contracts/c.yaml")).isSameAs(first);
        assertThat(bucketsAsked).containsExactly("config-bucket");
    }

    @Test
    void noReferenceMeansTheBundledDefaultContract() {
        assertThat(source(new LocalObjectStore(dir)).get(null)).usingRecursiveComparison()
                .isEqualTo(ContractLoader.classpath(ContractLoader.DEFAULT_RESOURCE));
        assertThat(bucketsAsked).isEmpty();
    }

    @Test
    void aMissingS3ContractIsBadInputNamingTheUri() {
        assertThatThrownBy(() -> source(new LocalObjectStore(dir)).get("s3://config-bucket/contracts/gone.yaml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contract s3://config-bucket/contracts/gone.yaml does not exist")
                .hasCauseInstanceOf(ObjectMissingException.class);
    }

    @Test
    void anS3UriWithoutAKeyIsRejected() {
        assertThatThrownBy(() -> source(new LocalObjectStore(dir)).get("s3://config-bucket"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("contract URI s3://config-bucket has no key (expected s3://bucket/key)");
        assertThat(bucketsAsked).isEmpty();
    }
}
