package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.path.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Evaluates a parsed intrinsic call; paths are resolved by the caller's data-flow context. */
public final class IntrinsicEvaluator {
    private final Function<JsonPath, JsonNode> paths;
    private final IntrinsicFunctions functions;

    public IntrinsicEvaluator(Function<JsonPath, JsonNode> paths, IntrinsicFunctions functions) {
        this.paths = paths;
        this.functions = functions;
    }

    public JsonNode evaluate(IntrinsicExpression expression) {
        if (expression instanceof IntrinsicExpression.Literal lit) {
            return lit.value();
        }
        if (expression instanceof IntrinsicExpression.Path p) {
            return paths.apply(p.path());
        }
        IntrinsicExpression.Call call = (IntrinsicExpression.Call) expression;
        List<JsonNode> args = new ArrayList<>();
        for (int i = 0; i < call.arguments().size(); i++) {
            IntrinsicExpression arg = call.arguments().get(i);
            boolean formatTemplate = i == 0 && call.function().equals("States.Format");
            if (arg instanceof IntrinsicExpression.Literal lit && lit.value().isTextual() && !formatTemplate) {
                // only the Format template keeps escapes; everywhere else a literal means its unescaped text
                args.add(io.sensoretl.asl.json.Json.text(StringLiterals.unescape(lit.value().textValue())));
            } else {
                args.add(evaluate(arg));
            }
        }
        return functions.apply(call.function(), args);
    }
}
