package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.lambda.LambdaFunction;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Processes dead-lettered chunks again: transforms each chunk as the map would have (its output
 * lands under its run, replacing any partial files), then re-applies each affected run to the
 * partitions the chunks touched and updates latest readings, so the curated data converges to
 * exactly one copy of every record. A chunk that fails again stays in the queue.
 */
public final class Redrive {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final LocalFunctions functions;
    private final HandlerDecorator decorator;
    private final DeadLetterQueue queue;

    public Redrive(LocalFunctions functions, HandlerDecorator decorator, DeadLetterQueue queue) {
        this.functions = functions;
        this.decorator = decorator;
        this.queue = queue;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChunkOutcome(@JsonProperty("runId") String runId, @JsonProperty("chunk") int chunk,
                               @JsonProperty("redriven") boolean redriven, @JsonProperty("readings") Long readings,
                               @JsonProperty("valid") Long valid, @JsonProperty("rejected") Long rejected,
                               @JsonProperty("error") String error) {}

    public record RunOutcome(@JsonProperty("runId") String runId, @JsonProperty("partitions") List<JsonNode> partitions,
                             @JsonProperty("latestReadingsWritten") long latestReadingsWritten) {}

    public record Report(@JsonProperty("chunks") List<ChunkOutcome> chunks, @JsonProperty("redriven") int redriven,
                         @JsonProperty("stillFailing") int stillFailing, @JsonProperty("runs") List<RunOutcome> runs) {}

    public Report run() {
        List<DeadLetter> letters = queue.take();
        List<ChunkOutcome> chunks = new ArrayList<>();
        List<DeadLetter> failing = new ArrayList<>();
        Map<String, TreeSet<String>> partitionsByRun = new TreeMap<>();
        Map<String, String> sourceDateByRun = new TreeMap<>();
        RequestStreamHandler transform = handler(LambdaFunction.TRANSFORM);
        for (DeadLetter letter : letters) {
            try {
                JsonNode stats = LocalInvocation.invoke(transform, name(LambdaFunction.TRANSFORM), letter.transformEvent(), JSON);
                TreeSet<String> dts = partitionsByRun.computeIfAbsent(letter.runId(), r -> new TreeSet<>());
                stats.path("partitions").forEach(p -> dts.add(p.asText().replaceFirst("^dt=", "")));
                String sourceDate = letter.body().path("chunk").path("sourceDate").asText(null);
                if (sourceDate != null) {
                    sourceDateByRun.put(letter.runId(), sourceDate);
                }
                chunks.add(new ChunkOutcome(letter.runId(), letter.chunk(), true, stats.path("records").asLong(),
                        stats.path("valid").asLong(), stats.path("rejected").asLong(), null));
            } catch (Exception e) {
                failing.add(letter);
                chunks.add(new ChunkOutcome(letter.runId(), letter.chunk(), false, null, null, null,
                        e.getClass().getName() + ": " + e.getMessage()));
            }
        }
        List<RunOutcome> runs = new ArrayList<>();
        try {
            for (Map.Entry<String, TreeSet<String>> run : partitionsByRun.entrySet()) {
                runs.add(republish(run.getKey(), run.getValue(), sourceDateByRun.get(run.getKey())));
            }
        } catch (RuntimeException | IOException e) {
            // the chunks are staged but not published: keep them all in the queue, a later redrive finishes
            queue.release(letters);
            throw new IllegalStateException("redrive could not publish the redriven chunks (they stay in the queue): " + e, e);
        }
        for (DeadLetter letter : letters) {
            if (!failing.contains(letter)) {
                queue.delete(letter);
            }
        }
        queue.release(failing);
        return new Report(chunks, letters.size() - failing.size(), failing.size(), runs);
    }

    private RunOutcome republish(String runId, TreeSet<String> partitions, String sourceDate) throws IOException {
        ObjectNode compact = JSON.createObjectNode().put("runId", runId).put("reapply", true);
        partitions.forEach(compact.putArray("partitions")::add);
        if (sourceDate != null) {
            compact.put("sourceDate", sourceDate);
        }
        JsonNode compacted = LocalInvocation.invoke(handler(LambdaFunction.COMPACT), name(LambdaFunction.COMPACT), compact, JSON);
        JsonNode latest = LocalInvocation.invoke(handler(LambdaFunction.LATEST_READINGS), name(LambdaFunction.LATEST_READINGS),
                JSON.createObjectNode().put("runId", runId), JSON);
        List<JsonNode> published = new ArrayList<>();
        compacted.path("partitions").forEach(published::add);
        return new RunOutcome(runId, published, latest.path("written").asLong());
    }

    private RequestStreamHandler handler(LambdaFunction function) {
        return decorator.decorate(function, functions.handler(function));
    }

    private static String name(LambdaFunction function) {
        return LocalFunctions.functionName(function);
    }
}
