package io.sensoretl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The published contract schema, the documented examples, the shipped contracts and the loader agree:
 * what one accepts the others accept, and broken contracts are refused by both schema and loader.
 */
class ContractDocsTest {
    private static final Path ROOT = Path.of(System.getProperty("sensoretl.repo.root", "../.."));
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Schema schema() throws IOException {
        String text = Files.readString(ROOT.resolve("docs/contracts/contract.schema.json"));
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(text, InputFormat.JSON);
    }

    private static List<Error> schemaErrors(String yaml) throws IOException {
        return schema().validate(JSON.writeValueAsString(YAML.readTree(yaml)), InputFormat.JSON);
    }

    @Test
    void everyExampleInTheContractDocsIsValidForSchemaAndLoader() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/contracts.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        int examples = 0;
        while (m.find()) {
            String yaml = m.group(1);
            assertThat(schemaErrors(yaml)).as("schema errors in docs example %d", examples + 1).isEmpty();
            ContractLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "docs/contracts.md example " + (examples + 1));
            examples++;
        }
        assertThat(examples).isGreaterThanOrEqualTo(4);
    }

    @Test
    void everyShippedContractIsValidForSchemaAndLoader() throws IOException {
        Path dir = ROOT.resolve("test-fixtures/contracts");
        assumeTrue(Files.isDirectory(dir), "test-fixtures/contracts not found from " + ROOT.toAbsolutePath());
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.toString().matches(".*\\.(ya?ml|json)$")).sorted().forEach(files::add);
        }
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(schemaErrors(Files.readString(f))).as("schema errors in %s", f).isEmpty();
            ContractLoader.load(f);
        }
    }

    @Test
    void theFormatKeysAreTheSameInTheDocsTheSchemaAndTheLoader() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/contracts.md"));
        int from = doc.indexOf("### `format`");
        String section = doc.substring(from, doc.indexOf("\n### ", from + 1));
        java.util.Set<String> documented = new java.util.TreeSet<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        java.util.Set<String> inSchema = new java.util.TreeSet<>();
        JSON.readTree(ROOT.resolve("docs/contracts/contract.schema.json").toFile())
                .at("/$defs/format/properties").fieldNames().forEachRemaining(inSchema::add);
        assertThat(documented).isEqualTo(inSchema).isEqualTo(new java.util.TreeSet<>(ContractParser.FORMAT_KEYS));
    }

    @Test
    void theRejectReasonTableListsExactlyTheReasonCodes() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/contracts.md"));
        int from = doc.indexOf("## Reject reasons");
        String section = doc.substring(from, doc.indexOf("\n## ", from + 1));
        List<String> documented = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\|").matcher(section);
        while (row.find()) {
            documented.add(row.group(1));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(
                io.sensoretl.reading.RejectReason.values()).map(io.sensoretl.reading.RejectReason::code).toList());
    }

    @Test
    void brokenContractsAreRefusedByBothSchemaAndLoader() throws IOException {
        String base = """
                version: 1
                name: base
                format: {type: ndjson}
                mapping: {sensorId: /id, metric: /m, value: /v}
                timestamp: {fields: /t}
                """;
        assertThat(schemaErrors(base)).isEmpty();
        ContractLoader.parse(base.getBytes(StandardCharsets.UTF_8), "base");
        List<String> broken = List.of(
                base.replace("version: 1", "version: 2"),
                base + "colour: blue\n",
                base.replace("name: base\n", ""),
                base.replace("{type: ndjson}", "{type: ndjson, delimiter: \";\"}"),
                base.replace("{type: ndjson}", "{type: parquet}"),
                base.replace("{sensorId: /id, metric: /m, value: /v}", "{shape: wide, sensorId: /id}"),
                base.replace("{sensorId: /id, metric: /m, value: /v}", "{sensorId: /id, metric: /m}"),
                base.replace("{fields: /t}", "{fields: /t, encoding: pattern}"),
                base.replace("{fields: /t}", "{fields: /t, encoding: epoch_s, pattern: yyyy}"),
                base + "dedupe: {key: [sensor]}\n",
                base + "conversions: [{from: degF, to: degC, scale: 0}]\n",
                base + "rejects: {maxRawBytes: 1}\n",
                base.replace("{type: ndjson}", "{type: ndjson, rowNames: true}"),
                base.replace("{type: ndjson}", "{type: delimited, header: false, rowNames: true}")
                        .replace("/id", "{column: 1}").replace("/m", "{column: 2}").replace("/v", "{column: 3}")
                        .replace("/t", "{column: 4}"),
                base.replace("timestamp: {fields: /t}\n", ""));
        for (String yaml : broken) {
            assertThat(schemaErrors(yaml)).as("schema accepts:\n%s", yaml).isNotEmpty();
            assertThatThrownBy(() -> ContractLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "broken"))
                    .as("loader accepts:\n%s", yaml).isInstanceOf(ContractException.class);
        }
    }
}
