package io.sensoretl.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * HTTP/1.1 over a plain socket, so the request line reaches the server exactly as written (no client
 * normalises {@code ..} segments or re-encodes the path), optionally signed with the SDK's own SigV4 signer.
 */
record RawHttp(int status, Map<String, String> headers, String body) {

    /** Signs with the SDK's signer as S3 clients do (path not normalised, not double-encoded). */
    static RawHttp s3(URI endpoint, String method, String rawPath, byte[] body) throws IOException {
        SdkHttpFullRequest request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(URI.create(endpoint + rawPath)).build();
        SdkHttpFullRequest signed = (SdkHttpFullRequest) sign(request, body, "s3", false, Clock.systemUTC());
        return send(endpoint, method, rawPath, signed.headers(), body);
    }

    static software.amazon.awssdk.http.SdkHttpRequest sign(SdkHttpFullRequest request, byte[] body, String service,
                                                        boolean doubleEncode, Clock clock) {
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY))
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, service)
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, doubleEncode)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, doubleEncode)
                .putProperty(HttpSigner.SIGNING_CLOCK, clock));
        return signed.request().toBuilder().build();
    }

    static RawHttp send(URI endpoint, String method, String rawPath, Map<String, List<String>> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
            boolean host = false;
            for (var h : headers.entrySet()) {
                host |= h.getKey().equalsIgnoreCase("host");
                for (String v : h.getValue()) {
                    head.append(h.getKey()).append(": ").append(v).append("\r\n");
                }
            }
            if (!host) {
                head.append("Host: ").append(endpoint.getHost()).append(':').append(endpoint.getPort()).append("\r\n");
            }
            head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            return parse(socket.getInputStream(), method.equals("HEAD"));
        }
    }

    private static RawHttp parse(InputStream in, boolean head) throws IOException {
        String statusLine = line(in);
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String l = line(in); !l.isEmpty(); l = line(in)) {
            int colon = l.indexOf(':');
            headers.put(l.substring(0, colon).trim().toLowerCase(Locale.ROOT), l.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (!head) {
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                        size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                    body.write(in.readNBytes(size));
                    line(in);
                }
            } else if (headers.containsKey("content-length")) {
                body.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
            } else {
                in.transferTo(body);
            }
        }
        return new RawHttp(status, headers, body.toString(StandardCharsets.UTF_8));
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.append((char) c);
            }
        }
        return b.toString();
    }
}
