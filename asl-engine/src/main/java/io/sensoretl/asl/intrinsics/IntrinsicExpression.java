package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.path.JsonPath;
import java.util.List;

/** The parsed form of an intrinsic function call such as {@code States.Format('{}', $.x)}. */
public sealed interface IntrinsicExpression {

    record Call(String function, List<IntrinsicExpression> arguments) implements IntrinsicExpression {}

    record Literal(JsonNode value) implements IntrinsicExpression {}

    record Path(JsonPath path) implements IntrinsicExpression {}

    static boolean looksLikeCall(String text) {
        return text.startsWith("States.") && text.contains("(");
    }
}
