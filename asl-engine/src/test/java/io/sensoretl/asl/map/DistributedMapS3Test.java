package io.sensoretl.asl.map;

import static io.sensoretl.asl.Engines.assertJson;
import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.InMemoryObjectStore;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DistributedMapS3Test {
    private static final InMemoryObjectStore s3 = new InMemoryObjectStore();

    @BeforeAll
    static void seed() {
        s3.createBucket("out-bucket");
        s3.putText("in-bucket", "rows.csv", "id|name\n1|a\n2|\"b|c\"\n3|d\n");
        s3.putText("in-bucket", "rows.jsonl", "{\"n\":1}\n{\"n\":2}\n\n{\"n\":3}\n");
        s3.putText("in-bucket", "not-array.json", "{\"a\":1}");
    }

    private final Engines engines = new Engines(AslEngine.builder().objectStore(s3));

    private static String map(String reader, String extra) {
        return q("{'StartAt':'M','States':{'M':{'Type':'Map','ItemReader':" + reader + extra + ",'ItemProcessor':{"
                + "'ProcessorConfig':{'Mode':'DISTRIBUTED','ExecutionType':'STANDARD'},'StartAt':'P','States':{'P':{"
                + "'Type':'Pass','End':true}}},'End':true}}}");
    }

    @Test
    void csvWithDelimiterAndQuotedFieldsIsKeyedByTheHeaderRow() {
        ExecutionResult r = engines.run(map("{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'CSV',"
                + "'CSVHeaderLocation':'FIRST_ROW','CSVDelimiter':'PIPE','MaxItems':2},'Parameters':{'Bucket':'in-bucket','Key':'rows.csv'}}", ""),
                "{}");
        assertJson(r.output(), json(q("[{'id':'1','name':'a'},{'id':'2','name':'b|c'}]")));
    }

    @Test
    void jsonLinesAreBatchedByItemCount() {
        ExecutionResult r = engines.run(map("{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSONL'},"
                + "'Parameters':{'Bucket':'in-bucket','Key':'rows.jsonl'}}", ",'ItemBatcher':{'MaxItemsPerBatch':2,'BatchInput':{'b.$':'$.tag'}}"),
                "{\"tag\":\"t\"}");
        assertThat(r.output()).isEqualTo(json(q("[{'BatchInput':{'b':'t'},'Items':[{'n':1},{'n':2}]},"
                + "{'BatchInput':{'b':'t'},'Items':[{'n':3}]}]")));
    }

    @Test
    void aJsonObjectIsNotIterable() {
        ExecutionResult r = engines.run(map("{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSON'},"
                + "'Parameters':{'Bucket':'in-bucket','Key':'not-array.json'}}", ""), "{}");
        assertThat(r.error()).isEqualTo("States.ItemReaderFailed");
        assertThat(r.cause()).isEqualTo("Attempting to map over non-iterable node.");
    }

    @Test
    void resultWriterWritesManifestAndResultFilesInAwsLayout() {
        ExecutionResult r = engines.run(map("{'Resource':'arn:aws:states:::s3:getObject','ReaderConfig':{'InputType':'JSONL'},"
                + "'Parameters':{'Bucket':'in-bucket','Key':'rows.jsonl'}}", ",'ResultWriter':{'Resource':'arn:aws:states:::s3:putObject',"
                + "'Parameters':{'Bucket':'out-bucket','Prefix':'runs'}},'Label':'rows'"), "{}");
        String key = r.output().path("ResultWriterDetails").path("Key").asText();
        assertThat(r.output().path("MapRunArn").asText())
                .startsWith("arn:aws:states:eu-west-1:111122223333:mapRun:machine-1/rows:");
        assertThat(key).startsWith("runs/").endsWith("/manifest.json");
        JsonNode manifest = Json.parse(s3.text("out-bucket", key));
        assertThat(manifest.path("DestinationBucket").asText()).isEqualTo("out-bucket");
        String resultKey = manifest.path("ResultFiles").path("SUCCEEDED").get(0).path("Key").asText();
        JsonNode results = Json.parse(s3.text("out-bucket", resultKey));
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("Status").asText()).isEqualTo("SUCCEEDED");
        assertJson(Json.parse(results.get(0).path("Output").asText()), json("{\"n\":1}"));
        assertThat(r.mapRuns().get(0).path("itemCounts").path("resultsWritten").asInt()).isEqualTo(3);
    }

    @Test
    void listObjectsV2YieldsOneItemPerObject() {
        ExecutionResult r = engines.run(map("{'Resource':'arn:aws:states:::s3:listObjectsV2','Parameters':{'Bucket':'in-bucket',"
                + "'Prefix':'rows'}}", ",'ItemSelector':{'k.$':'$$.Map.Item.Value.Key'}"), "{}");
        assertJson(r.output(), json(q("[{'k':'rows.csv'},{'k':'rows.jsonl'}]")));
    }
}
