package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;

/** Argument checks shared by the intrinsics, each naming the function that was misused. */
final class Args {
    private Args() {}

    static String string(String fn, JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new IntrinsicFailure(fn, "expects a string argument, got " + n);
        }
        return n.textValue();
    }

    static JsonNode array(String fn, JsonNode n) {
        if (n == null || !n.isArray()) {
            throw new IntrinsicFailure(fn, "expects an array argument, got " + n);
        }
        return n;
    }

    static JsonNode object(String fn, JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new IntrinsicFailure(fn, "expects an object argument, got " + n);
        }
        return n;
    }

    static double number(String fn, JsonNode n) {
        if (n == null || !n.isNumber()) {
            throw new IntrinsicFailure(fn, "expects a number argument, got " + n);
        }
        return n.doubleValue();
    }

    static long integer(String fn, JsonNode n) {
        double d = number(fn, n);
        if (d != Math.rint(d)) {
            throw new IntrinsicFailure(fn, "expects an integer argument, got " + n);
        }
        return (long) d;
    }
}
