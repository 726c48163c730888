package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/** States.Base64Encode, States.Base64Decode, States.Hash. */
final class EncodingIntrinsics {
    private static final Set<String> ALGORITHMS = Set.of("MD5", "SHA-1", "SHA-256", "SHA-384", "SHA-512");
    private static final int MAX_ENCODE = 10_000;

    private EncodingIntrinsics() {}

    static List<IntrinsicFunction> all() {
        return List.of(
                new IntrinsicFunction("States.Base64Encode", 1, 1, EncodingIntrinsics::encode),
                new IntrinsicFunction("States.Base64Decode", 1, 1, EncodingIntrinsics::decode),
                new IntrinsicFunction("States.Hash", 2, 2, EncodingIntrinsics::hash));
    }

    private static JsonNode encode(List<JsonNode> args) {
        String s = Args.string("States.Base64Encode", args.get(0));
        if (s.length() > MAX_ENCODE) {
            throw new IntrinsicFailure("States.Base64Encode", "accepts at most " + MAX_ENCODE + " characters");
        }
        return Json.text(Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode decode(List<JsonNode> args) {
        String s = Args.string("States.Base64Decode", args.get(0));
        try {
            return Json.text(new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new IntrinsicFailure("States.Base64Decode", "was given text that is not Base64: " + s);
        }
    }

    private static JsonNode hash(List<JsonNode> args) {
        String fn = "States.Hash";
        JsonNode data = args.get(0);
        String text = data.isTextual() ? data.textValue() : Json.write(data);
        String algorithm = Args.string(fn, args.get(1));
        if (!ALGORITHMS.contains(algorithm)) {
            throw new IntrinsicFailure(fn, "does not support the algorithm '" + algorithm + "'; use one of " + ALGORITHMS);
        }
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
            return Json.text(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
