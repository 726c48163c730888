package io.sensoretl.asl;

import io.sensoretl.asl.services.ObjectStore;
import io.sensoretl.asl.services.ObjectStoreException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The engine's tests run on this in-memory S3: the engine knows S3 only through {@link ObjectStore}, and the
 * SDK-backed implementation is tested against a real S3 server where the SDK is (local-runtime).
 */
public final class InMemoryObjectStore implements ObjectStore {
    private static final Instant MODIFIED = Instant.parse("2024-01-01T00:00:00Z");
    private final Map<String, NavigableMap<String, byte[]>> buckets = new ConcurrentHashMap<>();

    @Override
    public byte[] get(String bucket, String key) {
        byte[] body = bucket(bucket).get(key);
        if (body == null) {
            throw new ObjectStoreException("The specified key does not exist. (Service: S3, Status Code: 404)", "NoSuchKey", null);
        }
        return body.clone();
    }

    @Override
    public List<ObjectSummary> list(String bucket, String prefix) {
        List<ObjectSummary> out = new ArrayList<>();
        bucket(bucket).forEach((key, body) -> {
            if (prefix == null || key.startsWith(prefix)) {
                out.add(new ObjectSummary(key, "\"" + md5(body) + "\"", MODIFIED, (long) body.length, "STANDARD"));
            }
        });
        return out;
    }

    @Override
    public void put(String bucket, String key, byte[] body, String contentType) {
        bucket(bucket).put(key, body.clone());
    }

    @Override
    public void createBucket(String bucket) {
        buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
    }

    /** Test convenience: the object as UTF-8 text. */
    public String text(String bucket, String key) {
        return new String(get(bucket, key), StandardCharsets.UTF_8);
    }

    /** Test convenience: creates the bucket if needed and stores the text. */
    public void putText(String bucket, String key, String text) {
        createBucket(bucket);
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8), "text/plain");
    }

    private NavigableMap<String, byte[]> bucket(String bucket) {
        NavigableMap<String, byte[]> objects = buckets.get(bucket);
        if (objects == null) {
            throw new ObjectStoreException("The specified bucket does not exist. (Service: S3, Status Code: 404)", "NoSuchBucket",
                    null);
        }
        return objects;
    }

    private static String md5(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
