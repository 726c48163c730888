package io.sensoretl.catalog.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.PartitionConflictException;
import io.sensoretl.catalog.PartitionState;
import io.sensoretl.catalog.PartitionSwitch;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.aws.AwsRetries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.glue.GlueClient;

class GluePartitionCatalogTest {
    private static final String ROOT = "s3://curated-bucket/";
    private static final String TABLE_JSON = """
            {"Table":{"Name":"readings","DatabaseName":"sensoretl","PartitionKeys":[{"Name":"dt","Type":"string"}],
             "StorageDescriptor":{"Columns":[{"Name":"sensor_id","Type":"string"},{"Name":"ts","Type":"timestamp"}],
               "Location":"s3://curated-bucket/curated/readings/",
               "InputFormat":"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
               "OutputFormat":"org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
               "SerdeInfo":{"SerializationLibrary":"org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe",
                 "Parameters":{"serialization.format":"1"}}}}}
            """;

    private final GlueStub stub;
    private final GlueClient client;
    private final GluePartitionCatalog catalog;

    GluePartitionCatalogTest() throws Exception {
        stub = new GlueStub();
        client = stub.client();
        catalog = new GluePartitionCatalog(client, "sensoretl");
    }

    @AfterEach
    void close() {
        client.close();
        stub.close();
    }

    private static String partitionJson(String dt, String location) {
        return "{\"Values\":[\"" + dt + "\"],\"StorageDescriptor\":{\"Location\":\"" + location
                + "\"},\"Parameters\":{\"sensoretl.applied_run\":\"run-0\"}}";
    }

    private static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    @Test
    void ensureTableSendsTheParquetDefinitionAndAcceptsAnExistingTable() {
        stub.fail("CreateTable", "AlreadyExistsException", "Table already exists.");

        catalog.ensureTable(CuratedTables.readings(ROOT));

        assertThat(stub.operations()).containsExactly("CreateTable");
        JsonNode body = stub.calls().get(0).body();
        assertThat(body.path("DatabaseName").asText()).isEqualTo("sensoretl");
        JsonNode input = body.path("TableInput");
        assertThat(input.path("Name").asText()).isEqualTo("readings");
        assertThat(input.path("TableType").asText()).isEqualTo("EXTERNAL_TABLE");
        assertThat(input.path("Parameters").path("classification").asText()).isEqualTo("parquet");
        assertThat(texts(input.path("PartitionKeys"), "Name")).containsExactly("dt");
        JsonNode sd = input.path("StorageDescriptor");
        assertThat(sd.path("Location").asText()).isEqualTo("s3://curated-bucket/curated/readings/");
        assertThat(sd.path("SerdeInfo").path("SerializationLibrary").asText())
                .isEqualTo("org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe");
        assertThat(sd.path("InputFormat").asText()).endsWith("MapredParquetInputFormat");
        List<String> columns = StreamSupport.stream(sd.path("Columns").spliterator(), false)
                .map(c -> c.path("Name").asText() + " " + c.path("Type").asText()).toList();
        assertThat(columns).containsExactly("sensor_id string", "ts timestamp", "metric string", "value double",
                "unit string", "lat double", "lon double", "attributes map<string,string>", "source_key string",
                "run_id string");
    }

    @Test
    void newPartitionsAreAddedInBatchesOfAHundredAndAMovedOneIsRelocated() {
        List<PartitionSwitch> switches = new ArrayList<>();
        LocalDate day = LocalDate.parse("2023-01-01");
        for (int i = 0; i < 250; i++) {
            String dt = day.plusDays(i).toString();
            switches.add(PartitionSwitch.add(dt, ROOT + "curated/readings/dt=" + dt + "/v=a1/", Map.of("sensoretl.applied_run", "run-1")));
        }
        switches.add(new PartitionSwitch("2024-03-01", ROOT + "curated/readings/dt=2024-03-01/v=old/",
                ROOT + "curated/readings/dt=2024-03-01/v=new/", Map.of("sensoretl.applied_run", "run-1")));
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01",
                ROOT + "curated/readings/dt=2024-03-01/v=old/") + "],\"UnprocessedKeys\":[]}");
        stub.answer("GetTable", TABLE_JSON);
        stub.answer("BatchCreatePartition", "{\"Errors\":[]}").answer("BatchCreatePartition", "{\"Errors\":[]}")
                .answer("BatchCreatePartition", "{\"Errors\":[]}");
        stub.answer("BatchUpdatePartition", "{\"Errors\":[]}");

        catalog.switchPartitions("readings", switches);

        assertThat(stub.operations()).containsExactly("BatchGetPartition", "GetTable", "BatchCreatePartition",
                "BatchCreatePartition", "BatchCreatePartition", "BatchUpdatePartition");
        List<GlueStub.Call> calls = stub.calls();
        assertThat(calls.get(0).body().path("PartitionsToGet")).hasSize(251);
        assertThat(calls.get(2).body().path("PartitionInputList")).hasSize(100);
        assertThat(calls.get(3).body().path("PartitionInputList")).hasSize(100);
        assertThat(calls.get(4).body().path("PartitionInputList")).hasSize(50);
        JsonNode firstAdd = calls.get(2).body().path("PartitionInputList").get(0);
        assertThat(firstAdd.path("Values").get(0).asText()).isEqualTo("2023-01-01");
        assertThat(firstAdd.path("StorageDescriptor").path("Location").asText())
                .isEqualTo(ROOT + "curated/readings/dt=2023-01-01/v=a1/");
        assertThat(firstAdd.path("StorageDescriptor").path("SerdeInfo").path("SerializationLibrary").asText())
                .endsWith("ParquetHiveSerDe");
        assertThat(firstAdd.path("Parameters").path("sensoretl.applied_run").asText()).isEqualTo("run-1");
        JsonNode move = calls.get(5).body().path("Entries");
        assertThat(move).hasSize(1);
        assertThat(move.get(0).path("PartitionValueList").get(0).asText()).isEqualTo("2024-03-01");
        assertThat(move.get(0).path("PartitionInput").path("StorageDescriptor").path("Location").asText())
                .isEqualTo(ROOT + "curated/readings/dt=2024-03-01/v=new/");
    }

    @Test
    void aPartitionMovedByAnotherCompactionIsAConflictAndNothingIsWritten() {
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "x/v=theirs/") + "]}");

        assertThatThrownBy(() -> catalog.switchPartitions("readings", List.of(new PartitionSwitch("2024-03-01",
                ROOT + "x/v=old/", ROOT + "x/v=mine/", Map.of()))))
                .isInstanceOf(PartitionConflictException.class)
                .hasMessageContaining("dt=2024-03-01").hasMessageContaining("v=theirs");
        assertThat(stub.operations()).containsExactly("BatchGetPartition");
    }

    @Test
    void aSwitchAlreadyInPlaceIsNotWrittenAgain() {
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "x/v=mine/") + "]}");

        catalog.switchPartitions("readings", List.of(new PartitionSwitch("2024-03-01", ROOT + "x/v=old/",
                ROOT + "x/v=mine/", Map.of())));

        assertThat(stub.operations()).containsExactly("BatchGetPartition");
    }

    @Test
    void anAddThatRacedWithAnIdenticalAddIsSuccess() {
        stub.answer("BatchGetPartition", "{\"Partitions\":[]}");
        stub.answer("GetTable", TABLE_JSON);
        stub.answer("BatchCreatePartition", "{\"Errors\":[{\"PartitionValues\":[\"2024-03-01\"],"
                + "\"ErrorDetail\":{\"ErrorCode\":\"AlreadyExistsException\",\"ErrorMessage\":\"exists\"}}]}");
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "x/v=mine/") + "]}");

        catalog.switchPartitions("readings", List.of(PartitionSwitch.add("2024-03-01", ROOT + "x/v=mine/", Map.of())));

        assertThat(stub.operations()).containsExactly("BatchGetPartition", "GetTable", "BatchCreatePartition",
                "BatchGetPartition");
    }

    @Test
    void aFailedAddNamesThePartitionAndTheGlueError() {
        stub.answer("BatchGetPartition", "{\"Partitions\":[]}");
        stub.answer("GetTable", TABLE_JSON);
        stub.answer("BatchCreatePartition", "{\"Errors\":[{\"PartitionValues\":[\"2024-03-02\"],"
                + "\"ErrorDetail\":{\"ErrorCode\":\"InvalidInputException\",\"ErrorMessage\":\"bad location\"}}]}");

        assertThatThrownBy(() -> catalog.switchPartitions("readings",
                List.of(PartitionSwitch.add("2024-03-02", ROOT + "x/", Map.of()))))
                .hasMessageContaining("dt=2024-03-02").hasMessageContaining("InvalidInputException");
    }

    @Test
    void throttledCallsAreRetriedByTheSdkRetryStrategyNotByTheAdapter() {
        stub.fail("BatchGetPartition", "ThrottlingException", "Rate exceeded");
        stub.fail("BatchGetPartition", "ThrottlingException", "Rate exceeded");
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "x/v=1/") + "]}");
        try (GlueClient retrying = stub.client(AwsRetries.STANDARD.withJitter(() -> 0))) {
            Map<String, PartitionState> found = new GluePartitionCatalog(retrying, "sensoretl")
                    .partitions("readings", List.of("2024-03-01", "2024-03-02"));

            assertThat(found.keySet()).containsExactly("2024-03-01");
            assertThat(found.get("2024-03-01").parameters()).containsEntry("sensoretl.applied_run", "run-0");
        }
        assertThat(stub.operations()).containsExactly("BatchGetPartition", "BatchGetPartition", "BatchGetPartition");
    }

    @Test
    void throttlingBeyondTheSdkAttemptsFailsAsAThrottlingErrorWithoutFurtherRetries() {
        stub.fail("BatchGetPartition", 400, "ThrottlingException", "Rate exceeded", 10);
        try (GlueClient retrying = stub.client(AwsRetries.STANDARD.withJitter(() -> 0))) {
            GluePartitionCatalog throttled = new GluePartitionCatalog(retrying, "sensoretl");
            assertThatThrownBy(() -> throttled.partitions("readings", List.of("2024-03-01")))
                    .isInstanceOfSatisfying(software.amazon.awssdk.core.exception.SdkServiceException.class,
                            e -> assertThat(e.isThrottlingException()).isTrue());
        }
        assertThat(stub.operations()).hasSize(AwsRetries.STANDARD.maxAttempts());
    }

    @Test
    void unprocessedKeysAreAskedForAgain() {
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "a/") + "],"
                + "\"UnprocessedKeys\":[{\"Values\":[\"2024-03-02\"]}]}");
        stub.answer("BatchGetPartition", "{\"Partitions\":[" + partitionJson("2024-03-02", ROOT + "b/") + "]}");

        Map<String, PartitionState> found = catalog.partitions("readings", List.of("2024-03-01", "2024-03-02"));

        assertThat(found.keySet()).containsExactly("2024-03-01", "2024-03-02");
        assertThat(texts(stub.calls().get(1).body().path("PartitionsToGet"), "Values")).hasSize(1);
        assertThat(stub.calls().get(1).body().path("PartitionsToGet").get(0).path("Values").get(0).asText())
                .isEqualTo("2024-03-02");
    }

    @Test
    void listingFollowsContinuationTokens() {
        stub.answer("GetPartitions", "{\"Partitions\":[" + partitionJson("2024-03-02", ROOT + "b/") + "],\"NextToken\":\"t1\"}");
        stub.answer("GetPartitions", "{\"Partitions\":[" + partitionJson("2024-03-01", ROOT + "a/") + "]}");

        assertThat(catalog.listPartitions("readings")).extracting(PartitionState::dt).containsExactly("2024-03-01", "2024-03-02");
        assertThat(stub.calls().get(1).body().path("NextToken").asText()).isEqualTo("t1");
    }
}
