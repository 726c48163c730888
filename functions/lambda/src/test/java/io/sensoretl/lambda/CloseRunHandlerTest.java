package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.RunsTable;
import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.store.local.LocalObjectStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloseRunHandlerTest {
    @TempDir
    Path dir;

    @Test
    void aClosedRunIsExportedAsOneJsonRowOfTheRunsTable() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2024-03-02T10:15:30.250Z"), ZoneOffset.UTC);
        LocalRunLedger ledger = new LocalRunLedger(dir.resolve("state"), clock, Duration.ofHours(6));
        LocalObjectStore bucket = new LocalObjectStore(dir.resolve("bucket"));
        SourceVersion key = new SourceVersion("uploads", "incoming/a.csv", "e1");
        ledger.start(key, "exec-1", false);

        new CloseRunHandler(ledger, bucket).close(Json.MAPPER.readTree("""
                {"bucket":"uploads","key":"incoming/a.csv","etag":"e1","executionId":"exec-1","status":"SUCCEEDED",
                 "counts":{"records":10,"valid":7,"rejected":3,"deadLetteredChunks":0},"partitions":["dt=2024-03-01"]}"""));

        Path exported = dir.resolve("bucket").resolve(RunsTable.key(key.runId()));
        List<String> lines = Files.readAllLines(exported);
        assertThat(lines).hasSize(1);
        JsonNode row = Json.MAPPER.readTree(lines.get(0));
        List<String> names = new ArrayList<>();
        row.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyElementsOf(RunsTable.COLUMNS.stream().map(e -> e.getKey()).toList());
        assertThat(row.path("run_id").asText()).isEqualTo(key.runId());
        assertThat(row.path("source_key").asText()).isEqualTo("s3://uploads/incoming/a.csv");
        assertThat(row.path("state").asText()).isEqualTo("SUCCEEDED");
        assertThat(row.path("valid").asLong()).isEqualTo(7);
        assertThat(row.path("rejected").asLong()).isEqualTo(3);
        assertThat(row.path("started_at").asText()).isEqualTo("2024-03-02 10:15:30.250");
        assertThat(row.path("partitions").get(0).asText()).isEqualTo("dt=2024-03-01");
        assertThat(row.path("error").isNull()).isTrue();
    }

    @Test
    void theRunsDdlDeclaresExactlyTheExportedColumns() throws Exception {
        Path ddl = Path.of(System.getProperty("sensoretl.repo.root", "../..")).resolve("athena-queries/ddl/runs.sql");
        String sql = Files.readString(ddl);
        List<String> declared = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("(?m)^\\s*`(\\w+)`\\s+(\\S+?),?\\s*$").matcher(sql);
        while (m.find()) {
            declared.add(m.group(1) + " " + m.group(2));
        }
        assertThat(declared).containsExactlyElementsOf(RunsTable.COLUMNS.stream().map(e -> e.getKey() + " " + e.getValue()).toList());
        assertThat(sql).contains("LOCATION 's3://${bucket}/" + RunsTable.PREFIX + "'");
    }
}
