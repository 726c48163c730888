package io.sensoretl.asl.jsonata;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.intrinsics.IntrinsicFailure;
import io.sensoretl.asl.intrinsics.IntrinsicFunctions;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * The functions Step Functions adds to JSONata ($partition, $range, $hash, $random, $uuid, $parse),
 * implemented on the same code as the matching intrinsics, and $eval, which Step Functions removes.
 */
final class StepFunctionsJsonataFunctions {
    private final IntrinsicFunctions intrinsics;
    private final RandomGenerator random;

    StepFunctionsJsonataFunctions(IntrinsicFunctions intrinsics, RandomGenerator random) {
        this.intrinsics = intrinsics;
        this.random = random;
    }

    void bindInto(Jsonata.Frame frame) {
        frame.bind("partition", vararg("partition", a -> intrinsic("$partition", "States.ArrayPartition", 2, a)));
        frame.bind("range", vararg("range", a -> sequence(intrinsic("$range", "States.ArrayRange", 3, a))));
        frame.bind("hash", vararg("hash", a -> intrinsic("$hash", "States.Hash", 2, a)));
        frame.bind("uuid", vararg("uuid", a -> intrinsic("$uuid", "States.UUID", 0, a)));
        frame.bind("parse", vararg("parse", this::parse));
        frame.bind("random", vararg("random", this::random));
        // Step Functions removes $eval: calling it must fail like calling any non-function
        frame.bind("eval", (Object) null);
    }

    /** The Step Functions JSONata functions share the intrinsics' code; errors name the JSONata function. */
    private Object intrinsic(String jsonataName, String intrinsic, int arity, List<?> args) {
        if (args.size() != arity) {
            throw new JException("The function '" + jsonataName + "' takes " + arity + " argument"
                    + (arity == 1 ? "" : "s") + ", got " + args.size(), 0);
        }
        List<JsonNode> json = new ArrayList<>();
        for (Object o : args) {
            json.add(JsonataEvaluator.toJson(o));
        }
        try {
            return JsonataBindings.toJsonata(intrinsics.apply(intrinsic, json));
        } catch (IntrinsicFailure e) {
            throw new JException(e.getMessage().replace("'" + intrinsic + "'", "'" + jsonataName + "'"), 0);
        }
    }

    /** $range yields a JSONata sequence, and a one-item sequence is that item. */
    private static Object sequence(Object list) {
        if (list instanceof List<?> l && l.size() == 1) {
            return l.get(0);
        }
        return list;
    }

    private Object parse(List<?> args) {
        Object text = args.isEmpty() ? null : args.get(0);
        if (!(text instanceof String s)) {
            throw new JException("The function '$parse' expects a string argument", 0);
        }
        try {
            return JsonataBindings.toJsonata(Json.parse(s));
        } catch (IllegalArgumentException e) {
            throw new JException("The function '$parse' could not parse " + s + " as JSON", 0);
        }
    }

    private Object random(List<?> args) {
        if (!args.isEmpty() && args.get(0) instanceof Number seed) {
            return new Random(seed.longValue()).nextDouble();
        }
        return random.nextDouble();
    }

    private static Jsonata.JFunction vararg(String name, Jsonata.FnVarArgs<Object> body) {
        return Jsonata.function(name, body, null);
    }
}
