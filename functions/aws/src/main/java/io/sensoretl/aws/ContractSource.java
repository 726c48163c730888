package io.sensoretl.aws;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Resolves a contract reference ({@code s3://bucket/key}, {@code classpath:path} or a file path) and
 * keeps it for the life of the Lambda container: contracts are immutable, and loading one per chunk
 * would add a GET to every invocation.
 */
public final class ContractSource {
    public static final String DEFAULT = "classpath:" + ContractLoader.DEFAULT_RESOURCE;

    private final S3Client s3;
    private final Map<String, Contract> cache = new ConcurrentHashMap<>();

    public ContractSource(S3Client s3) {
        this.s3 = s3;
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
            byte[] text = s3.getObjectAsBytes(b -> b.bucket(rest.substring(0, slash)).key(rest.substring(slash + 1))).asByteArray();
            return ContractLoader.parse(text, ref);
        }
        return ContractLoader.load(Path.of(ref));
    }
}
