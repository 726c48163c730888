package io.sensoretl.asl.conformance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pass counts overall and per feature, and the failures with what was expected and what came out. */
public record ConformanceReport(List<VectorOutcome> outcomes) {

    public long passed() {
        return outcomes.stream().filter(VectorOutcome::passed).count();
    }

    public Map<String, int[]> byFeature() {
        Map<String, int[]> out = new TreeMap<>();
        for (VectorOutcome o : outcomes) {
            for (String f : o.features()) {
                int[] c = out.computeIfAbsent(f, k -> new int[2]);
                c[0]++;
                c[1] += o.passed() ? 1 : 0;
            }
        }
        return out;
    }

    public ObjectNode toJson() {
        ObjectNode o = Json.object();
        o.put("total", outcomes.size());
        o.put("passed", passed());
        o.put("failed", outcomes.size() - passed());
        ObjectNode features = o.putObject("byFeature");
        byFeature().forEach((f, c) -> features.putObject(f).put("total", c[0]).put("passed", c[1]));
        ArrayNode failures = o.putArray("failures");
        for (VectorOutcome v : outcomes) {
            if (!v.passed()) {
                ObjectNode f = failures.addObject();
                f.put("name", v.name());
                f.set("expected", v.expected());
                f.set("got", v.got());
                ArrayNode m = f.putArray("differences");
                v.mismatches().forEach(m::add);
            }
        }
        return o;
    }

    public String summaryText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%d/%d vectors passed%n", passed(), outcomes.size()));
        byFeature().forEach((f, c) -> sb.append(String.format("  %-40s %4d/%-4d%n", f, c[1], c[0])));
        return sb.toString();
    }
}
