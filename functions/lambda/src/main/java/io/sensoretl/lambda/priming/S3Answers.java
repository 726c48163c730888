package io.sensoretl.lambda.priming;

import java.util.Arrays;
import java.util.Map;

/** What S3 answers to the calls the handlers make, enough for the SDK to parse it as S3 would send it. */
final class S3Answers {
    private S3Answers() {}

    /** A (ranged) GET of {@code object}. */
    static CannedHttpClient.Answer range(CannedHttpClient.Call call, byte[] object, String etag) {
        String range = call.header("Range");
        int from = 0;
        int to = object.length - 1;
        if (range != null && range.startsWith("bytes=")) {
            String[] fromTo = range.substring("bytes=".length()).split("-", 2);
            from = Integer.parseInt(fromTo[0]);
            to = fromTo[1].isEmpty() ? object.length - 1 : Math.min(object.length - 1, Integer.parseInt(fromTo[1]));
        }
        byte[] body = Arrays.copyOfRange(object, from, to + 1);
        return new CannedHttpClient.Answer(range == null ? 200 : 206, Map.of("ETag", etag,
                "Content-Type", "application/octet-stream",
                "Content-Range", "bytes " + from + "-" + to + "/" + object.length,
                "Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"), body);
    }

    /** A PutObject: stored nowhere, acknowledged with an ETag. */
    static CannedHttpClient.Answer put(CannedHttpClient.Call call) {
        return new CannedHttpClient.Answer(200, Map.of("ETag", "\"" + Integer.toHexString(Arrays.hashCode(call.body())) + "\""),
                new byte[0]);
    }

    /** A HEAD of an object of {@code size} bytes. */
    static CannedHttpClient.Answer head(long size, String etag) {
        return new CannedHttpClient.Answer(200, Map.of("ETag", etag, "Content-Length", Long.toString(size),
                "Last-Modified", "Mon, 01 Jan 2024 00:00:00 GMT"), new byte[0]);
    }

    /** A ListObjectsV2 page holding {@code keys} (each {@code size} bytes), all under the request's prefix. */
    static CannedHttpClient.Answer list(java.util.List<String> keys, long size) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>priming</Name>"
                + "<KeyCount>" + keys.size() + "</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
        for (String key : keys) {
            xml.append("<Contents><Key>").append(key).append("</Key><LastModified>2024-01-01T00:00:00.000Z</LastModified>")
                    .append("<ETag>&quot;priming&quot;</ETag><Size>").append(size)
                    .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
        }
        xml.append("</ListBucketResult>");
        return new CannedHttpClient.Answer(200, Map.of("Content-Type", "application/xml"),
                xml.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
