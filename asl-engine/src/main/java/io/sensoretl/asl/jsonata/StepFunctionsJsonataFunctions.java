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
        frame.bind("partition", vararg("partition", a -> intrinsic("States.ArrayPartition", a)));
        frame.bind("range", vararg("range", a -> sequence(intrinsic("States.ArrayRange", a))));
        frame.bind("hash", vararg("hash", a -> intrinsic("States.Hash", a)));
        frame.bind("uuid", vararg("uuid", a -> intrinsic("States.UUID", a)));
        frame.bind("parse", vararg("parse", this::parse));
        frame.bind("random", vararg("random", this::random));
        // Step Functions removes $eval: calling it must fail like calling any non-function
        frame.bind("eval", (Object) null);
    }

    private Object intrinsic(String name, List<?> args) {
        List<JsonNode> json = new ArrayList<>();
        for (Object o : args) {
            json.add(JsonataEvaluator.toJson(o));
        }
        try {
            return JsonataBindings.toJsonata(intrinsics.apply(name, json));
        } catch (IntrinsicFailure | IndexOutOfBoundsException e) {
            throw new JException(e.getMessage(), 0);
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
            throw new JException("$parse expects a string", 0);
        }
        try {
            return JsonataBindings.toJsonata(Json.parse(s));
        } catch (IllegalArgumentException e) {
            throw new JException("$parse could not parse the string as JSON", 0);
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
