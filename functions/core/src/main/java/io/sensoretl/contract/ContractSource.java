package io.sensoretl.contract;

import io.sensoretl.store.ObjectMissingException;
import io.sensoretl.store.ObjectStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Resolves a contract reference ({@code s3://bucket/key}, {@code classpath:path} or a file path) and
 * keeps it for the life of the Lambda container: contracts are immutable, and loading one per chunk
 * would add a GET to every invocation. An {@code s3://} contract is read through the {@link ObjectStore}
 * of its bucket.
 */
public final class ContractSource {
    public static final String DEFAULT = "classpath:" + ContractLoader.DEFAULT_RESOURCE;

    private final Function<String, ObjectStore> buckets;
    private final Map<String, Contract> cache = new ConcurrentHashMap<>();

    /** @param buckets the store of a bucket named in an {@code s3://} reference */
    public ContractSource(Function<String, ObjectStore> buckets) {
        this.buckets = buckets;
    }

    public Contract get(String uri) {
        String ref = uri == null || uri.isBlank() ? DEFAULT : uri;
        return cache.computeIfAbsent(ref, this::load);
    }

    private Contract load(String ref) {
        if (ref.startsWith("classpath:")) {
            return ContractLoader.classpath(ref.substring("classpath:".length()));
        }
        if (ref.startsWith("s3://")) {
            String rest = ref.substring("s3://".length());
            int slash = rest.indexOf('/');
            if (slash < 1) {
                throw new IllegalArgumentException("contract URI " + ref + " has no key (expected s3://bucket/key)");
            }
            byte[] text;
            try (InputStream in = buckets.apply(rest.substring(0, slash)).read(rest.substring(slash + 1), 0, -1, null)) {
                text = in.readAllBytes();
            } catch (ObjectMissingException e) {
                throw new IllegalArgumentException("contract " + ref + " does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the contract " + ref, e);
            }
            return ContractLoader.parse(text, ref);
        }
        return ContractLoader.load(Path.of(ref));
    }
}
