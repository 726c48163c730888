package io.sensoretl.deploy.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.catalog.Column;
import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.TableSpec;
import io.sensoretl.deploy.Repo;
import io.sensoretl.deploy.template.NamedQueryBlock;
import io.sensoretl.deploy.template.References;
import io.sensoretl.deploy.template.Template;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.ledger.RunsTable;
import io.sensoretl.telemetry.MetricNames;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The template's catalog, queries and dashboard agree with the code and files they describe. */
class TemplateCatalogTest {
    private final Template template = Repo.template();

    @Test
    void glueTablesHaveTheColumnsTheCompactFunctionWrites() {
        for (TableSpec spec : List.of(CuratedTables.readings("s3://bucket/"), CuratedTables.rejects("s3://bucket/"))) {
            JsonNode input = template.resourcesOfType("AWS::Glue::Table").values().stream()
                    .map(t -> t.path("Properties").path("TableInput"))
                    .filter(t -> spec.name().equals(t.path("Name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no AWS::Glue::Table named " + spec.name()));
            assertThat(columns(input.path("StorageDescriptor").path("Columns"))).as(spec.name() + " columns")
                    .isEqualTo(spec.columns());
            assertThat(columns(input.path("PartitionKeys"))).as(spec.name() + " partition keys").isEqualTo(spec.partitionKeys());
            assertThat(References.subText(input.path("StorageDescriptor").path("Location")).orElseThrow())
                    .isEqualTo(spec.location().replace("s3://bucket/", "s3://${DataBucket}/"));
        }
    }

    @Test
    void runsTableHasTheColumnsTheCloseRunExportWrites() {
        List<Column> expected = new ArrayList<>();
        for (Map.Entry<String, String> e : RunsTable.COLUMNS) {
            expected.add(new Column(e.getKey(), e.getValue()));
        }
        JsonNode input = template.resource("RunsTable").orElseThrow().path("Properties").path("TableInput");
        assertThat(input.path("Name").asText()).isEqualTo(RunsTable.NAME);
        assertThat(columns(input.path("StorageDescriptor").path("Columns"))).isEqualTo(expected);
        assertThat(References.subText(input.path("StorageDescriptor").path("Location")).orElseThrow())
                .isEqualTo("s3://${DataBucket}/" + RunsTable.PREFIX);
    }

    @Test
    void everyAthenaQueryFileIsANamedQueryWithTheSameText() throws IOException {
        Path dir = Repo.root().resolve("athena-queries");
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        Map<String, JsonNode> queries = template.resourcesOfType("AWS::Athena::NamedQuery");
        queries.forEach((id, q) -> assertThat(Repo.root().resolve(q.path("Properties").path("Description").asText()))
                .as(id + " Description names its file in athena-queries/").isRegularFile());
        for (Path file : files) {
            String relative = Repo.root().relativize(file).toString().replace('\\', '/');
            JsonNode query = queries.values().stream()
                    .map(q -> q.path("Properties"))
                    .filter(q -> relative.equals(q.path("Description").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError(relative + " has no AWS::Athena::NamedQuery"
                            + " (Description: " + relative + ") in template.yaml; add:\n" + block(file, relative)));
            // ${database} and ${bucket} are filled by Fn::Sub; a query's own parameters (${from}) stay as
            // written, escaped for Fn::Sub as ${!from}
            JsonNode sub = query.path("QueryString").path("Fn::Sub");
            String text = sub.path(0).asText();
            assertThat(text.replace("${!", "${")).as("QueryString of the named query for " + relative
                    + "; replace the block with:\n" + block(file, relative)).isEqualTo(Files.readString(file));
            Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_]+)}").matcher(text);
            while (m.find()) {
                assertThat(sub.path(1).has(m.group(1))).as(relative + ": Fn::Sub variable ${" + m.group(1) + "} is defined").isTrue();
            }
        }
    }

    @Test
    void dashboardWatchesTheMapRunOfTheDefinition() throws IOException {
        JsonNode asl = new ObjectMapper().readTree(Repo.definition());
        List<String> labels = new ArrayList<>();
        asl.path("States").forEach(s -> {
            if (s.path("ItemProcessor").path("ProcessorConfig").path("Mode").asText().equals("DISTRIBUTED")) {
                labels.add(s.path("Label").asText());
            }
        });
        // the chunk Map (one child per chunk) is the one the dashboard charts; the compaction Maps have few children
        String chunks = asl.path("States").path("Transform chunks").path("Label").asText();
        assertThat(labels).as("Distributed Map labels").contains(chunks).doesNotHaveDuplicates();
        JsonNode variables = template.resource("PipelineDashboard").orElseThrow()
                .path("Properties").path("DashboardBody").path("Fn::Sub").path(1);
        assertThat(variables.path("ChildExecutionsArn").path("Fn::Sub").asText())
                .isEqualTo("${SensorEtlStateMachine}/" + chunks);
    }

    @Test
    void dashboardBodyIsJsonOnceSubstituted() throws IOException {
        JsonNode sub = template.resource("PipelineDashboard").orElseThrow().path("Properties").path("DashboardBody").path("Fn::Sub");
        String body = sub.path(0).asText().replaceAll("\\$\\{[A-Za-z0-9:.]+}", "x");
        JsonNode dashboard = new ObjectMapper().readTree(body);
        assertThat(dashboard.path("widgets").size()).isGreaterThanOrEqualTo(10);
        List<String> titles = new ArrayList<>();
        dashboard.path("widgets").forEach(w -> titles.add(w.path("properties").path("title").asText()));
        assertThat(String.join("|", titles)).contains("Runs", "Throughput", "Rejects", "Dead-letter", "Map Run",
                "Lambda errors", "Lambda throttles", "Lambda duration", "Alarms");
    }

    @Test
    void dashboardShowsOnlyMetricsTheFunctionsPublish() throws Exception {
        // every metric name, dimension and namespace of MetricNames, and the functions' dimension values
        Set<String> published = new HashSet<>(LambdaFunction.names());
        for (Field f : MetricNames.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                published.add((String) f.get(null));
            }
        }
        String body = template.resource("PipelineDashboard").orElseThrow().path("Properties").path("DashboardBody")
                .path("Fn::Sub").path(0).asText().replaceAll("\\$\\{[A-Za-z0-9:.]+}", "x");
        List<String> used = new ArrayList<>();
        for (JsonNode widget : new ObjectMapper().readTree(body).path("widgets")) {
            String namespace = null;
            String metric = null;
            String function = null;
            for (JsonNode row : widget.path("properties").path("metrics")) {
                if (!row.path(0).isTextual() || row.path(0).asText().equals("...")) {
                    continue;
                }
                namespace = row.path(0).asText().equals(".") ? namespace : row.path(0).asText();
                metric = row.path(1).asText().equals(".") ? metric : row.path(1).asText();
                function = row.path(3).asText().equals(".") ? function : row.path(3).asText();
                if ("SensorEtl".equals(namespace)) {
                    used.add(metric + " " + function);
                }
            }
        }
        assertThat(used).hasSizeGreaterThanOrEqualTo(5);
        for (String u : used) {
            String[] metricAndFunction = u.split(" ");
            assertThat(published).as("metric and Function dimension of '" + u + "' are in MetricNames").contains(metricAndFunction);
        }
        assertThat(body).contains("MetricName=\\\"" + "RecordsRejected" + "\\\"");
        assertThat(published).contains("RecordsRejected", "Reason", "SensorEtl");
    }

    @Test
    void everyAlarmLinksToItsSectionOfTheOperationsGuide() {
        String guide = Repo.read("docs/operations.md");
        Set<String> anchors = new HashSet<>();
        guide.lines().filter(l -> l.startsWith("#"))
                .forEach(l -> anchors.add(l.replaceFirst("^#+\\s*", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-')));
        Map<String, JsonNode> alarms = template.resourcesOfType("AWS::CloudWatch::Alarm");
        assertThat(alarms).hasSizeGreaterThanOrEqualTo(6);
        alarms.forEach((id, alarm) -> {
            Matcher m = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)")
                    .matcher(alarm.path("Properties").path("AlarmDescription").asText());
            assertThat(m.find()).as(id + " AlarmDescription links to docs/operations.md#...").isTrue();
            assertThat(anchors).as(id + " links to a heading of docs/operations.md").contains(m.group(1));
            assertThat(guide).as("docs/operations.md lists " + id).contains("`" + id + "`");
        });
    }

    private static String block(Path file, String relative) {
        try {
            return NamedQueryBlock.render(relative, Files.readString(file));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Column> columns(JsonNode list) {
        List<Column> out = new ArrayList<>();
        list.forEach(c -> out.add(new Column(c.path("Name").asText(), c.path("Type").asText())));
        return out;
    }
}
