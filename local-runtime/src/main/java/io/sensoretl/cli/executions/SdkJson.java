package io.sensoretl.cli.executions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * An SDK response object as the JSON the service sent: field names as on the wire
 * ({@code stateEnteredEventDetails}, {@code itemCounts}, ...), timestamps as ISO-8601 like the local
 * engine writes them, unset fields left out. So AWS and local executions print the same shape.
 */
final class SdkJson {
    private SdkJson() {}

    static JsonNode of(Object value) {
        if (value == null) {
            return Json.NODES.nullNode();
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode o = Json.object();
            for (SdkField<?> field : pojo.sdkFields()) {
                Object v = field.getValueOrDefault(pojo);
                if (v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap) {
                    continue;
                }
                o.set(field.locationName(), of(v));
            }
            return o;
        }
        if (value instanceof List<?> list) {
            ArrayNode a = Json.array();
            list.forEach(v -> a.add(of(v)));
            return a;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode o = Json.object();
            map.forEach((k, v) -> o.set(String.valueOf(k), of(v)));
            return o;
        }
        if (value instanceof Instant i) {
            return Json.text(i.toString());
        }
        if (value instanceof Boolean b) {
            return Json.NODES.booleanNode(b);
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Float || value instanceof Double) {
            return Json.NODES.numberNode(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return Json.NODES.numberNode(d);
        }
        if (value instanceof SdkBytes bytes) {
            return Json.text(bytes.asUtf8String());
        }
        return Json.text(value.toString());
    }
}
