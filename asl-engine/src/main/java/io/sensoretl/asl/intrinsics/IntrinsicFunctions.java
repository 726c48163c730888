package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/** The registry of States.* intrinsics; randomness is injected so runs can be reproduced. */
public final class IntrinsicFunctions {
    private static final Map<String, IntrinsicFunction> SIGNATURES = new HashMap<>();

    static {
        for (IntrinsicFunction f : catalogue(RandomGenerator.getDefault())) {
            SIGNATURES.put(f.name(), f);
        }
    }

    private final Map<String, IntrinsicFunction> functions = new HashMap<>();

    public IntrinsicFunctions(RandomGenerator random) {
        for (IntrinsicFunction f : catalogue(random)) {
            functions.put(f.name(), f);
        }
    }

    private static List<IntrinsicFunction> catalogue(RandomGenerator random) {
        List<IntrinsicFunction> all = new java.util.ArrayList<>();
        all.addAll(ArrayIntrinsics.all());
        all.addAll(StringIntrinsics.all());
        all.addAll(JsonIntrinsics.all());
        all.addAll(EncodingIntrinsics.all());
        all.addAll(MathIntrinsics.all(random));
        return all;
    }

    public JsonNode apply(String name, List<JsonNode> args) {
        IntrinsicFunction f = functions.get(name);
        if (f == null) {
            throw new IntrinsicFailure(name, "is not a known intrinsic function.");
        }
        return f.body().apply(args);
    }

    /** Validation hook: rejects unknown names and wrong argument counts at load time. */
    static void checkKnown(IntrinsicExpression.Call call) {
        IntrinsicFunction f = SIGNATURES.get(call.function());
        if (f == null) {
            throw new IllegalArgumentException("unknown intrinsic function '" + call.function() + "'");
        }
        int n = call.arguments().size();
        if (n < f.minArgs() || n > f.maxArgs()) {
            throw new IllegalArgumentException("intrinsic function '" + call.function() + "' takes "
                    + (f.minArgs() == f.maxArgs() ? String.valueOf(f.minArgs()) : f.minArgs() + ".." + f.maxArgs())
                    + " arguments, got " + n);
        }
        for (IntrinsicExpression arg : call.arguments()) {
            if (arg instanceof IntrinsicExpression.Call inner) {
                checkKnown(inner);
            }
        }
    }
}
