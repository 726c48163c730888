package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.json.JsonEquivalence;
import java.util.List;

/** States.Array, ArrayPartition, ArrayContains, ArrayRange, ArrayGetItem, ArrayLength, ArrayUnique. */
final class ArrayIntrinsics {
    private static final int MAX_RANGE_ITEMS = 1000;

    private ArrayIntrinsics() {}

    static List<IntrinsicFunction> all() {
        return List.of(
                new IntrinsicFunction("States.Array", 0, Integer.MAX_VALUE, ArrayIntrinsics::array),
                new IntrinsicFunction("States.ArrayPartition", 2, 2, ArrayIntrinsics::partition),
                new IntrinsicFunction("States.ArrayContains", 2, 2, ArrayIntrinsics::contains),
                new IntrinsicFunction("States.ArrayRange", 3, 3, ArrayIntrinsics::range),
                new IntrinsicFunction("States.ArrayGetItem", 2, 2, ArrayIntrinsics::getItem),
                new IntrinsicFunction("States.ArrayLength", 1, 1, a -> Json.NODES.numberNode(Args.array("States.ArrayLength", a.get(0)).size())),
                new IntrinsicFunction("States.ArrayUnique", 1, 1, ArrayIntrinsics::unique));
    }

    private static JsonNode array(List<JsonNode> args) {
        ArrayNode out = Json.array();
        args.forEach(out::add);
        return out;
    }

    private static JsonNode partition(List<JsonNode> args) {
        String fn = "States.ArrayPartition";
        JsonNode arr = Args.array(fn, args.get(0));
        long size = Args.integer(fn, args.get(1));
        if (size <= 0) {
            throw new IntrinsicFailure(fn, "expects a chunk size greater than 0, got " + size);
        }
        ArrayNode out = Json.array();
        ArrayNode chunk = null;
        for (int i = 0; i < arr.size(); i++) {
            if (i % size == 0) {
                chunk = out.addArray();
            }
            chunk.add(arr.get(i));
        }
        return out;
    }

    private static JsonNode contains(List<JsonNode> args) {
        JsonNode arr = Args.array("States.ArrayContains", args.get(0));
        for (JsonNode n : arr) {
            if (JsonEquivalence.equivalent(n, args.get(1))) {
                return Json.NODES.booleanNode(true);
            }
        }
        return Json.NODES.booleanNode(false);
    }

    private static JsonNode range(List<JsonNode> args) {
        String fn = "States.ArrayRange";
        long start = Args.integer(fn, args.get(0));
        long end = Args.integer(fn, args.get(1));
        long step = Args.integer(fn, args.get(2));
        if (step == 0) {
            throw new IntrinsicFailure(fn, "expects a non-zero step");
        }
        ArrayNode out = Json.array();
        for (long v = start; step > 0 ? v <= end : v >= end; v += step) {
            out.add(v);
            if (out.size() > MAX_RANGE_ITEMS) {
                throw new IntrinsicFailure(fn, "cannot produce more than " + MAX_RANGE_ITEMS + " items");
            }
        }
        return out;
    }

    private static JsonNode getItem(List<JsonNode> args) {
        String fn = "States.ArrayGetItem";
        JsonNode arr = Args.array(fn, args.get(0));
        long idx = Args.integer(fn, args.get(1));
        if (idx < 0 || idx >= arr.size()) {
            throw new IntrinsicFailure(fn, "was given index " + idx + " outside an array of " + arr.size() + " items");
        }
        return arr.get((int) idx);
    }

    private static JsonNode unique(List<JsonNode> args) {
        JsonNode arr = Args.array("States.ArrayUnique", args.get(0));
        ArrayNode out = Json.array();
        for (JsonNode n : arr) {
            boolean seen = false;
            for (JsonNode o : out) {
                seen |= JsonEquivalence.equivalent(n, o);
            }
            if (!seen) {
                out.add(n);
            }
        }
        return out;
    }
}
