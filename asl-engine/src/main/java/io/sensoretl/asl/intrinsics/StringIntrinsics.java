package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.sensoretl.asl.json.Json;
import java.util.List;

/** States.Format and States.StringSplit. */
final class StringIntrinsics {
    private StringIntrinsics() {}

    static List<IntrinsicFunction> all() {
        return List.of(
                new IntrinsicFunction("States.Format", 1, Integer.MAX_VALUE, StringIntrinsics::format),
                new IntrinsicFunction("States.StringSplit", 2, 2, StringIntrinsics::split));
    }

    private static JsonNode format(List<JsonNode> args) {
        String fn = "States.Format";
        String template = Args.string(fn, args.get(0));
        StringBuilder out = new StringBuilder();
        int next = 1;
        for (int i = 0; i < template.length(); i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < template.length()) {
                out.append(template.charAt(++i));
            } else if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
                if (next >= args.size()) {
                    throw new IntrinsicFailure(fn, "has more placeholders than arguments");
                }
                JsonNode arg = args.get(next++);
                out.append(render(arg));
                i++;
            } else {
                out.append(c);
            }
        }
        if (next != args.size()) {
            throw new IntrinsicFailure(fn, "has more arguments than placeholders");
        }
        return Json.text(out.toString());
    }

    /** AWS renders non-string arguments the way Java prints maps and lists: {k=v, k2=v2}, [a, b]. */
    private static String render(JsonNode arg) {
        if (arg.isTextual()) {
            return arg.textValue();
        }
        if (arg.isObject()) {
            StringBuilder sb = new StringBuilder("{");
            var it = arg.properties().iterator();
            while (it.hasNext()) {
                var e = it.next();
                sb.append(e.getKey()).append('=').append(render(e.getValue()));
                if (it.hasNext()) {
                    sb.append(", ");
                }
            }
            return sb.append('}').toString();
        }
        if (arg.isArray()) {
            StringBuilder sb = new StringBuilder("[");
            for (int i = 0; i < arg.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(render(arg.get(i)));
            }
            return sb.append(']').toString();
        }
        return Json.write(arg);
    }

    private static JsonNode split(List<JsonNode> args) {
        String fn = "States.StringSplit";
        String text = Args.string(fn, args.get(0));
        String delimiters = Args.string(fn, args.get(1));
        ArrayNode out = Json.array();
        StringBuilder token = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (delimiters.indexOf(c) >= 0) {
                if (token.length() > 0) {
                    out.add(token.toString());
                }
                token.setLength(0);
            } else {
                token.append(c);
            }
        }
        if (token.length() > 0) {
            out.add(token.toString());
        }
        return out;
    }
}
