package io.sensoretl.local;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 in the {@code Authorization} header, as an AWS service does before
 * it looks at a request, for a service that is not S3 (its path is URI-encoded twice and normalised).
 * A request that fails gets the error AWS returns ({@link Rejected}: code, HTTP status, message).
 *
 * <p>Why not the SDK's signer: {@code AwsV4HttpSigner} always adds and signs {@code x-amz-content-sha256},
 * so re-signing a request with it reproduces only requests that signed that header (the SDK's do, the
 * AWS CLI's do not); it cannot be told to sign exactly the headers the client listed. This class
 * follows the published algorithm and is checked against the SDK's signer and AWS's test suite.
 */
public final class SigV4Verifier {
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);
    /** AWS refuses signatures more than 15 minutes from its clock. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(15);

    /** An HTTP request as received: the path and query exactly as sent, header names in any case. */
    public record Request(String method, String rawPath, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        List<String> header(String name) {
            for (var e : headers.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    return e.getValue();
                }
            }
            return List.of();
        }

        String first(String name) {
            List<String> values = header(name);
            return values.isEmpty() ? null : values.get(0);
        }
    }

    /** The request is refused: AWS's error code, HTTP status and message. */
    public static final class Rejected extends RuntimeException {
        private final String code;
        private final int status;

        Rejected(String code, int status, String message) {
            super(message);
            this.code = code;
            this.status = status;
        }

        public String code() {
            return code;
        }

        public int status() {
            return status;
        }
    }

    private final String accessKey;
    private final String secretKey;
    private final String service;
    private final Clock clock;

    public SigV4Verifier(String accessKey, String secretKey, String service, Clock clock) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.service = service;
        this.clock = clock;
    }

    /** Returns when the request is signed with this verifier's credentials for its service, else throws {@link Rejected}. */
    public void verify(Request request) {
        String authorization = request.first("Authorization");
        if (authorization == null) {
            if (request.rawQuery() != null && request.rawQuery().contains("X-Amz-Signature=")) {
                throw incomplete("Query-string (presigned) authentication is not supported by this local endpoint; sign the"
                        + " Authorization header, as the AWS SDKs and the AWS CLI do.");
            }
            throw new Rejected("MissingAuthenticationToken", 403,
                    "The request must contain either a valid (registered) AWS access key ID or X.509 certificate.");
        }
        if (!authorization.startsWith(ALGORITHM + " ")) {
            throw incomplete("Unsupported Authorization type: '" + authorization.split(" ", 2)[0] + "'; this local endpoint"
                    + " accepts " + ALGORITHM + " (Signature Version 4).");
        }
        Map<String, String> fields = fields(authorization.substring(ALGORITHM.length() + 1));
        List<String> missing = new ArrayList<>();
        for (String f : List.of("Credential", "SignedHeaders", "Signature")) {
            if (!fields.containsKey(f)) {
                missing.add("Authorization header requires '" + f + "' parameter.");
            }
        }
        String amzDate = request.first("X-Amz-Date");
        if (amzDate == null && request.first("Date") != null) {
            amzDate = fromHttpDate(request.first("Date"));
        }
        if (amzDate == null) {
            missing.add("Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.");
        }
        if (!missing.isEmpty()) {
            throw incomplete(String.join(" ", missing) + " Authorization=" + authorization);
        }
        String[] scope = fields.get("Credential").split("/", -1);
        if (scope.length != 5) {
            throw incomplete("Credential should have 5 slash-separated parts (access key/date/region/service/aws4_request),"
                    + " got '" + fields.get("Credential") + "'.");
        }
        if (!scope[0].equals(accessKey)) {
            throw new Rejected("InvalidClientTokenId", 403, "The security token included in the request is invalid.");
        }
        List<String> signedHeaders = List.of(fields.get("SignedHeaders").split(";", -1));
        if (!signedHeaders.contains("host")) {
            throw incomplete("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
        }
        Instant at = parseAmzDate(amzDate);
        if (!scope[3].equals(service)) {
            throw mismatch("Credential should be scoped to correct service: '" + service + "'.");
        }
        if (!scope[4].equals("aws4_request")) {
            throw mismatch("Credential should be scoped with a valid terminator: 'aws4_request', not '" + scope[4] + "'.");
        }
        if (!amzDate.startsWith(scope[1])) {
            throw mismatch("Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '"
                    + scope[1] + "' != '" + amzDate.substring(0, 8) + "', from '" + amzDate + "'.");
        }
        Instant now = clock.instant();
        if (at.isBefore(now.minus(MAX_SKEW))) {
            throw mismatch("Signature expired: " + amzDate + " is now earlier than " + format(now.minus(MAX_SKEW)) + " ("
                    + format(now) + " - 15 min.)");
        }
        if (at.isAfter(now.plus(MAX_SKEW))) {
            throw mismatch("Signature not yet current: " + amzDate + " is still later than " + format(now.plus(MAX_SKEW))
                    + " (" + format(now) + " + 15 min.)");
        }
        String canonical = canonicalRequest(request, signedHeaders);
        String credentialScope = scope[1] + "/" + scope[2] + "/" + scope[3] + "/" + scope[4];
        String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + credentialScope + "\n" + hex(sha256(canonical));
        byte[] key = hmac(("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8), scope[1]);
        key = hmac(key, scope[2]);
        key = hmac(key, scope[3]);
        key = hmac(key, "aws4_request");
        byte[] expected = HexFormat.of().formatHex(hmac(key, stringToSign)).getBytes(StandardCharsets.US_ASCII);
        byte[] given = fields.get("Signature").toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, given)) {
            throw mismatch("The request signature we calculated does not match the signature you provided. Check your AWS"
                    + " Secret Access Key and signing method. Consult the service documentation for details.");
        }
    }

    /** Task 1 of SigV4: method, path, query, the signed headers, their names, the payload's hash. */
    static String canonicalRequest(Request request, List<String> signedHeaders) {
        StringBuilder b = new StringBuilder();
        b.append(request.method().toUpperCase(Locale.ROOT)).append('\n');
        b.append(canonicalPath(request.rawPath())).append('\n');
        b.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = new ArrayList<>();
            for (String v : request.header(name)) {
                values.add(v.strip().replaceAll("\\s+", " "));
            }
            b.append(name).append(':').append(String.join(",", values)).append('\n');
        }
        b.append('\n').append(String.join(";", signedHeaders)).append('\n');
        b.append(hex(sha256(request.body())));
        return b.toString();
    }

    /** The path as sent, with dot segments removed (RFC 3986, 5.2.4), URI-encoded once more (services other than S3). */
    static String canonicalPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        List<String> out = new ArrayList<>();
        String[] segments = rawPath.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (segment.equals(".")) {
                if (last) {
                    out.add("");
                }
            } else if (segment.equals("..")) {
                if (!out.isEmpty()) {
                    out.remove(out.size() - 1);
                }
                if (last) {
                    out.add("");
                }
            } else {
                out.add(segment);
            }
        }
        return encode("/" + String.join("/", out), true);
    }

    /** Parameters decoded and encoded again the SigV4 way, sorted by name, then value. */
    static String canonicalQuery(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> params = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(new String[] {encode(decode(name), false), encode(decode(value), false)});
        }
        params.sort((x, y) -> x[0].equals(y[0]) ? x[1].compareTo(y[1]) : x[0].compareTo(y[0]));
        List<String> joined = new ArrayList<>();
        for (String[] p : params) {
            joined.add(p[0] + "=" + p[1]);
        }
        return String.join("&", joined);
    }

    /** RFC 3986 encoding as SigV4 wants it: unreserved characters as they are, everything else %XX (upper case). */
    static String encode(String s, boolean keepSlash) {
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            char ch = (char) (c & 0xff);
            if ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_'
                    || ch == '.' || ch == '~' || (keepSlash && ch == '/')) {
                b.append(ch);
            } else {
                b.append('%').append(Character.toUpperCase(Character.forDigit((c >> 4) & 0xf, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return b.toString();
    }

    /** Percent-decoding ({@code +} is a plus sign here, not a space: clients encode spaces as %20). */
    private static String decode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && Character.digit(s.charAt(i + 1), 16) >= 0
                    && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Character.digit(s.charAt(i + 1), 16) << 4 | Character.digit(s.charAt(i + 2), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static Map<String, String> fields(String s) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : s.split(",")) {
            int eq = part.indexOf('=');
            if (eq > 0) {
                fields.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
            }
        }
        return fields;
    }

    private static Instant parseAmzDate(String amzDate) {
        try {
            return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw incomplete("Date must be in ISO-8601 'basic format'. Got '" + amzDate + "'. See"
                    + " http://en.wikipedia.org/wiki/ISO_8601");
        }
    }

    private static String fromHttpDate(String date) {
        try {
            return format(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String format(Instant t) {
        return AMZ_DATE.format(t.atOffset(ZoneOffset.UTC));
    }

    private static Rejected incomplete(String message) {
        return new Rejected("IncompleteSignature", 400, message);
    }

    private static Rejected mismatch(String message) {
        return new Rejected("SignatureDoesNotMatch", 403, message);
    }

    private static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
