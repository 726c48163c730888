package io.sensoretl.asl.intrinsics;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One States.* intrinsic: a name, the argument counts it accepts, and its body. */
record IntrinsicFunction(String name, int minArgs, int maxArgs, Body body) {

    @FunctionalInterface
    public interface Body {
        JsonNode apply(List<JsonNode> args);
    }
}
