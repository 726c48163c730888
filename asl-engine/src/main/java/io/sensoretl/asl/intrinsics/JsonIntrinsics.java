package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.List;

/** States.StringToJson, States.JsonToString, States.JsonMerge. */
final class JsonIntrinsics {
    private JsonIntrinsics() {}

    static List<IntrinsicFunction> all() {
        return List.of(
                new IntrinsicFunction("States.StringToJson", 1, 1, JsonIntrinsics::stringToJson),
                new IntrinsicFunction("States.JsonToString", 1, 1, a -> Json.text(Json.write(a.get(0)))),
                new IntrinsicFunction("States.JsonMerge", 3, 3, JsonIntrinsics::merge));
    }

    private static JsonNode stringToJson(List<JsonNode> args) {
        String text = Args.string("States.StringToJson", args.get(0));
        if (text.isBlank()) {
            return Json.NODES.nullNode();
        }
        try {
            return Json.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IntrinsicFailure("States.StringToJson", "could not parse " + text + " as JSON");
        }
    }

    private static JsonNode merge(List<JsonNode> args) {
        String fn = "States.JsonMerge";
        JsonNode a = Args.object(fn, args.get(0));
        JsonNode b = Args.object(fn, args.get(1));
        JsonNode deep = args.get(2);
        if (!deep.isBoolean()) {
            throw new IntrinsicFailure(fn, "expects a boolean as third argument");
        }
        if (deep.booleanValue()) {
            throw new IntrinsicFailure(fn, "does not support deep merge (AWS only allows false)");
        }
        ObjectNode out = a.deepCopy();
        out.setAll((ObjectNode) b.deepCopy());
        return out;
    }
}
