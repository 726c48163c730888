package io.sensoretl.asl.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** How far the children of a Parallel or Map state got. */
public sealed interface StateProgress permits BranchesProgress, MapRunProgress {
    ObjectNode toJson();

    static StateProgress fromJson(JsonNode o) {
        return switch (o.path("kind").asText()) {
            case BranchesProgress.KIND -> BranchesProgress.fromJson(o);
            case MapRunProgress.KIND -> MapRunProgress.fromJson(o);
            default -> throw new IllegalArgumentException("unknown progress kind in checkpoint: " + o.path("kind"));
        };
    }
}
