package io.sensoretl.asl.map;

import static io.sensoretl.asl.Engines.assertJson;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchesTest {
    private final List<JsonNode> items = List.of(Json.parse("\"aaaa\""), Json.parse("\"bbbb\""), Json.parse("\"cccc\""));

    @Test
    void batchesRespectTheItemLimit() {
        assertJson(Json.fromJava(Batches.batch(items, 2L, null, null)),
                Json.parse("[{\"Items\":[\"aaaa\",\"bbbb\"]},{\"Items\":[\"cccc\"]}]"));
    }

    @Test
    void theByteLimitCountsTheWholeBatchAsTheChildReceivesIt() {
        // {"Items":["aaaa","bbbb"]} is 25 bytes; a third item would make it 32
        assertJson(Json.fromJava(Batches.batch(items, null, 25L, null)),
                Json.parse("[{\"Items\":[\"aaaa\",\"bbbb\"]},{\"Items\":[\"cccc\"]}]"));
        assertJson(Json.fromJava(Batches.batch(items, null, 24L, null)),
                Json.parse("[{\"Items\":[\"aaaa\"]},{\"Items\":[\"bbbb\"]},{\"Items\":[\"cccc\"]}]"));
    }

    @Test
    void batchInputIsPartOfEveryBatchAndOfItsSize() {
        JsonNode batchInput = Json.parse("{\"run\":\"r\"}");
        // {"BatchInput":{"run":"r"},"Items":["aaaa"]} is 43 bytes, with a second item 50
        assertJson(Json.fromJava(Batches.batch(items, null, 49L, batchInput)),
                Json.parse("[{\"BatchInput\":{\"run\":\"r\"},\"Items\":[\"aaaa\"]},{\"BatchInput\":{\"run\":\"r\"},\"Items\":[\"bbbb\"]},"
                        + "{\"BatchInput\":{\"run\":\"r\"},\"Items\":[\"cccc\"]}]"));
    }
}
