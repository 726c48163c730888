package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.random.RandomGenerator;

/** States.MathAdd, States.MathRandom, States.UUID. */
final class MathIntrinsics {
    private MathIntrinsics() {}

    static List<IntrinsicFunction> all(RandomGenerator random) {
        return List.of(
                new IntrinsicFunction("States.MathAdd", 2, 2, MathIntrinsics::add),
                new IntrinsicFunction("States.MathRandom", 2, 3, a -> randomBetween(a, random)),
                new IntrinsicFunction("States.UUID", 0, 0, a -> Json.text(uuid(random))));
    }

    // AWS rounds each operand to the nearest integer (half up) before adding
    private static JsonNode add(List<JsonNode> args) {
        String fn = "States.MathAdd";
        long a = Math.round(Args.number(fn, args.get(0)));
        long b = Math.round(Args.number(fn, args.get(1)));
        return Json.NODES.numberNode(a + b);
    }

    private static JsonNode randomBetween(List<JsonNode> args, RandomGenerator random) {
        String fn = "States.MathRandom";
        long start = Math.round(Args.number(fn, args.get(0)));
        long end = Math.round(Args.number(fn, args.get(1)));
        if (end < start) {
            throw new IntrinsicFailure(fn, "expects the start to be lower than the end");
        }
        RandomGenerator source = args.size() == 3 ? new Random(Args.integer(fn, args.get(2))) : random;
        return Json.NODES.numberNode(start + source.nextLong(end - start + 1));
    }

    static String uuid(RandomGenerator random) {
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
