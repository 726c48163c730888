package io.sensoretl.asl.progress;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The branches of a Parallel state or the iterations of an inline Map, by index. */
public final class BranchesProgress implements StateProgress {
    static final String KIND = "branches";
    private final List<FrameProgress> frames;

    private BranchesProgress(List<FrameProgress> frames) {
        this.frames = frames;
    }

    public static BranchesProgress of(int count) {
        List<FrameProgress> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add(new FrameProgress());
        }
        return new BranchesProgress(List.copyOf(frames));
    }

    public int size() {
        return frames.size();
    }

    public FrameProgress get(int index) {
        return frames.get(index);
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("kind", KIND);
        ArrayNode arr = o.putArray("frames");
        frames.forEach(f -> arr.add(f.toJson()));
        return o;
    }

    static BranchesProgress fromJson(JsonNode o) {
        List<FrameProgress> frames = new ArrayList<>();
        o.path("frames").forEach(f -> frames.add(FrameProgress.fromJson(f)));
        return new BranchesProgress(List.copyOf(frames));
    }
}
