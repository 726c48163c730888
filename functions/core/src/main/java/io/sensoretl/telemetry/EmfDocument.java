package io.sensoretl.telemetry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * One CloudWatch Embedded Metric Format document: a single-line JSON log event that CloudWatch Logs
 * turns into metrics. Layout (EMF specification): the {@code _aws} metadata names the namespace, the
 * dimension set and each metric's unit; the dimension values, metric values and any extra properties
 * are top-level members. Properties are searchable in Logs Insights but are not dimensions (run ids
 * would make unbounded metric cardinality).
 */
public final class EmfDocument {
    /** EMF's limits: 100 metrics per document, 30 dimensions per set. */
    static final int MAX_METRICS = 100;
    static final int MAX_DIMENSIONS = 30;

    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private EmfDocument() {}

    public static String render(String namespace, long timestampMillis, Map<String, String> dimensions,
                                List<Metric> metrics, Map<String, Object> properties) {
        if (metrics.isEmpty() || metrics.size() > MAX_METRICS) {
            throw new IllegalArgumentException("an EMF document carries 1-" + MAX_METRICS + " metrics, got " + metrics.size());
        }
        if (dimensions.size() > MAX_DIMENSIONS) {
            throw new IllegalArgumentException("an EMF dimension set has at most " + MAX_DIMENSIONS + " dimensions, got "
                    + dimensions.size());
        }
        ObjectNode root = MAPPER.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", timestampMillis);
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", namespace);
        ArrayNode set = directive.putArray("Dimensions").addArray();
        dimensions.keySet().forEach(set::add);
        ArrayNode defs = directive.putArray("Metrics");
        for (Metric m : metrics) {
            defs.addObject().put("Name", m.name()).put("Unit", m.unit().emfName());
        }
        dimensions.forEach(root::put);
        for (Metric m : metrics) {
            claim(root, m.name(), "metric");
            if (m.value() == Math.rint(m.value()) && Math.abs(m.value()) < 1e15) {
                root.put(m.name(), (long) m.value());
            } else {
                root.put(m.name(), m.value());
            }
        }
        properties.forEach((k, v) -> {
            if (v != null && !root.has(k)) {
                root.set(k, MAPPER.valueToTree(v));
            }
        });
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render an EMF document", e);
        }
    }

    private static void claim(ObjectNode root, String name, String what) {
        if (root.has(name)) {
            throw new IllegalArgumentException(what + " '" + name + "' clashes with a dimension or metric of the same name");
        }
    }
}
