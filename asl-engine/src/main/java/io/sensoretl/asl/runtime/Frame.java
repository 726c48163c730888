package io.sensoretl.asl.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.progress.FrameProgress;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One thread of control: the top level, a Parallel branch or a Map iteration. It owns the variable
 * scope, the $$.Map.Item of its iteration, the id of its latest event (the next event's previous id), where it
 * stands ({@link #progress()}) and, when an execution is redriven, where it stood before ({@link #resume()}).
 */
public final class Frame {
    private final ExecutionRuntime runtime;
    private final Variables variables;
    private final JsonNode mapItem;
    private final AtomicLong lastEvent;
    private final FrameProgress progress;
    private final FrameProgress resume;

    public Frame(ExecutionRuntime runtime, Variables variables, JsonNode mapItem, long lastEvent, FrameProgress progress,
                 FrameProgress resume) {
        this.runtime = runtime;
        this.variables = variables;
        this.mapItem = mapItem;
        this.lastEvent = new AtomicLong(lastEvent);
        this.progress = progress;
        this.resume = resume;
    }

    /** A branch or iteration: a child scope, its own progress, and what it resumes from on a redrive (or null). */
    public Frame branch(JsonNode item, FrameProgress childProgress, FrameProgress childResume) {
        return new Frame(runtime, variables.child(), item, lastEvent.get(), childProgress, childResume);
    }

    /** The same scope seeing a Map item in $$.Map.Item, for evaluating ItemSelector. */
    public Frame withMapItem(JsonNode item) {
        return new Frame(runtime, variables, item, lastEvent.get(), progress, resume);
    }

    public ExecutionRuntime runtime() {
        return runtime;
    }

    public EngineServices services() {
        return runtime.services();
    }

    public Variables variables() {
        return variables;
    }

    public JsonNode mapItem() {
        return mapItem;
    }

    public FrameProgress progress() {
        return progress;
    }

    /** Where this frame stood when its execution ended unsuccessfully; null unless it is being redriven. */
    public FrameProgress resume() {
        return resume;
    }

    /**
     * ExecutionStarted: recorded without becoming the previous event of the next one, since AWS gives the first
     * event after it previousEventId 0.
     */
    public long executionStarted(JsonNode details) {
        return runtime.history().add("ExecutionStarted", 0, details);
    }

    public long event(String type, JsonNode details) {
        long id = runtime.history().add(type, lastEvent.get(), details);
        lastEvent.set(id);
        return id;
    }
}
