package io.sensoretl.local;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import org.gaul.s3proxy.S3ErrorCode;
import org.gaul.s3proxy.S3ProxyException;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.domain.MultipartUpload;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/**
 * Which object keys the local S3 accepts. Its store keeps {@code <bucket>/<key>} as a file path, so a
 * key with a {@code ..} or {@code .} segment, or an empty one ({@code a//b}, a leading {@code /}), would
 * be resolved by the file system: it would land outside its prefix, on another object's file, or fail
 * with an HTTP 500. Real S3 stores such keys literally; here they are refused as S3 refuses a bad
 * argument, with HTTP 400 {@code InvalidArgument} naming the key. A trailing {@code /} (a folder
 * marker) and dots inside a segment ({@code a..b}, {@code .hidden}) are ordinary.
 */
public final class ObjectKeyPolicy {
    /** Request fields that name an object key (CopyObject names two). */
    private static final Set<String> KEY_FIELDS = Set.of("Key", "SourceKey", "DestinationKey");

    private ObjectKeyPolicy() {}

    /** The problem with a key, or null when the local S3 can store it as written. */
    public static String problem(String key) {
        if (key.isEmpty()) {
            return "the key is empty";
        }
        String[] segments = key.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String s = segments[i];
            if (s.equals("..") || s.equals(".")) {
                return "it has a \"" + s + "\" path segment";
            }
            if (s.isEmpty() && i < segments.length - 1) {
                return i == 0 ? "it starts with \"/\"" : "it has an empty path segment (\"//\")";
            }
        }
        return null;
    }

    /** Throws the S3 error the endpoint answers for a key it cannot store. */
    public static void check(String key) {
        String problem = problem(key);
        if (problem != null) {
            throw new S3ProxyException(S3ErrorCode.INVALID_ARGUMENT, "Object key \"" + key + "\" is not supported by the"
                    + " local S3: " + problem + ", which the local store (a file per object) would resolve instead of"
                    + " keeping the key as written. Use a key without \".\", \"..\" or empty segments.", null,
                    Map.of("ArgumentName", "key", "ArgumentValue", key));
        }
    }

    /**
     * The store, checking every key an operation names before it reaches the file system. The check
     * runs after S3Proxy has authenticated the request, so a request with bad credentials still gets 403.
     */
    public static BlobStore guard(BlobStore store) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (args != null) {
                checkArguments(method, args);
            }
            try {
                return method.invoke(store, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (BlobStore) Proxy.newProxyInstance(BlobStore.class.getClassLoader(), new Class<?>[] {BlobStore.class},
                handler);
    }

    private static void checkArguments(Method method, Object[] args) {
        Class<?>[] types = method.getParameterTypes();
        // (container, blob name, ...): blobMetadata, getBlob, removeBlob, getBlobAccess, setBlobAccess, blobExists
        if (types.length >= 2 && types[0] == String.class && types[1] == String.class
                && method.getName().toLowerCase(java.util.Locale.ROOT).contains("blob") && args[1] != null) {
            check((String) args[1]);
        }
        for (Object arg : args) {
            if (arg instanceof DeleteObjectsRequest batch && batch.delete() != null) {
                batch.delete().objects().stream().map(ObjectIdentifier::key).forEach(ObjectKeyPolicy::check);
            } else if (arg instanceof SdkPojo request) {
                for (SdkField<?> field : request.sdkFields()) {
                    if (KEY_FIELDS.contains(field.memberName()) && field.getValueOrDefault(request) instanceof String key) {
                        check(key);
                    }
                }
            } else if (arg instanceof MultipartUpload upload) {
                check(upload.blobName());
            }
        }
    }
}
