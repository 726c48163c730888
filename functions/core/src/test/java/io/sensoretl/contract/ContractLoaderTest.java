package io.sensoretl.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ContractLoaderTest {

    private static Contract parse(String yaml) {
        return ContractLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void theDefaultContractShippedInTheJarIsTheOneInTestFixtures() {
        Contract jar = ContractLoader.defaultContract();
        Contract fixture = ContractLoader.load(Path.of(System.getProperty("sensoretl.repo.root", "../..")).resolve("test-fixtures/contracts/default.yaml"));
        assertThat(jar).usingRecursiveComparison().ignoringFieldsOfTypes(java.time.format.DateTimeFormatter.class).isEqualTo(fixture);
        assertThat(jar.format().kind()).isEqualTo(FormatKind.NDJSON);
        assertThat(jar.metrics()).containsKeys("temperature", "humidity", "pressure", "co2", "pm25");
        assertThat(jar.conversions().get("degF").get("degC").apply(212)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void attributesKeepTheContractsOrderSoEveryRunWritesThemAlike() {
        StringBuilder yaml = new StringBuilder("""
                version: 1
                name: many-attributes
                format: {type: ndjson}
                mapping:
                  sensorId: /id
                  metric: /m
                  value: /v
                  attributes:
                """);
        java.util.List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "attr" + (char) ('a' + i % 26) + (39 - i);
            names.add(name);
            yaml.append("    ").append(name).append(": /").append(name).append('\n');
        }
        yaml.append("""
                timestamp: {fields: /t, encoding: iso8601}
                metrics:
                  temperature: {unit: degC}
                """);

        assertThat(parse(yaml.toString()).mapping().attributes().keySet()).containsExactlyElementsOf(names);
    }

    @Test
    void everyProblemIsReportedWithThePathOfTheBadEntry() {
        assertThatThrownBy(() -> parse("""
                version: 1
                name: broken
                format: {type: csv, delimiter: ";;"}
                mapping:
                  sensorId: device.id
                  metric: /metric
                timestamp: {fields: /t, encoding: pattern, zone: Mars/Base}
                metrics:
                  temperature: {unit: degC, min: 50, max: -10}
                conversions:
                  - {from: degF, to: degF}
                dedupe: {key: [sensor_id, colour]}
                surprise: true
                """))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems())
                        .extracting(ContractProblem::toString)
                        .contains(
                                "/format/type: expected one of [delimited, json_array, ndjson] in any order, found \"csv\"".replace(" in any order", ""),
                                "/mapping/sensorId: expected a JSON pointer starting with \"/\" (e.g. \"/device/id\"), found \"device.id\"",
                                "/mapping/value: required field reference is missing",
                                "/timestamp/pattern: required string is missing",
                                "/timestamp/zone: unknown time zone \"Mars/Base\" (use an IANA name such as Europe/Rome, or UTC)",
                                "/metrics/temperature/min: min 50.0 is greater than max -10.0",
                                "/conversions/0/to: converts \"degF\" to itself",
                                "/dedupe/key/1: expected a canonical field ([lat, lon, metric, sensor_id, ts, unit, value]), found \"colour\"",
                                "/surprise: unknown key; expected one of [conversions, dedupe, description, format, mapping, metrics, missingValues, name, partitioning, rejectUnknownMetrics, rejects, timestamp, version]"));
    }

    @Test
    void aWideDelimitedContractWithDateAndTimeColumnsLoads() {
        Contract c = parse("""
                version: 1
                name: wide
                format: {type: delimited, delimiter: ";", decimalSeparator: ",", header: true}
                mapping:
                  shape: wide
                  sensorId: {constant: station-1}
                  columns:
                    - {column: "CO(GT)", metric: co, unit: mg/m3}
                    - {column: T, metric: temperature, unit: degC}
                timestamp: {fields: [Date, Time], encoding: pattern, pattern: "dd/MM/yyyy HH.mm.ss", zone: Europe/Rome}
                missingValues: [-200]
                """);
        assertThat(c.mapping().shape()).isEqualTo(Shape.WIDE);
        assertThat(c.mapping().columns()).extracting(WideColumn::metric).containsExactly("co", "temperature");
        assertThat(c.timestamp().fields()).containsExactly(new FieldRef.Column("Date", 0), new FieldRef.Column("Time", 0));
        assertThat(c.format().splittable()).isTrue();
    }

    @Test
    void dataColumnsIsADelimitedSettingOfAtLeastOneColumn() {
        Contract c = parse("""
                version: 1
                name: wide
                format: {type: delimited, delimiter: ";", dataColumns: 15}
                mapping: {sensorId: id, metric: m, value: v}
                timestamp: {fields: ts}
                """);
        assertThat(c.format().dataColumns()).isEqualTo(15);
        assertThat(parse("""
                version: 1
                name: all
                format: {type: delimited}
                mapping: {sensorId: id, metric: m, value: v}
                timestamp: {fields: ts}
                """).format().dataColumns()).as("default: every column").isZero();
        assertThatThrownBy(() -> parse("""
                version: 1
                name: json
                format: {type: ndjson, dataColumns: 0}
                mapping: {sensorId: /id, metric: /m, value: /v}
                timestamp: {fields: /ts}
                """))
                .isInstanceOfSatisfying(ContractException.class, e -> assertThat(e.problems()).extracting(ContractProblem::toString)
                        .contains("/format/dataColumns: only applies to format type delimited, not ndjson"));
    }

    @Test
    void theUciAirQualityContractLoads() {
        Contract c = ContractLoader.load(Path.of(System.getProperty("sensoretl.repo.root", "../.."))
                .resolve("test-fixtures/contracts/airquality-uci.yaml"));
        assertThat(c.mapping().columns()).hasSize(13);
        assertThat(c.format().dataColumns()).isEqualTo(15);
        assertThat(c.missingValues()).containsExactly(-200.0);
    }

    @Test
    void yamlSyntaxErrorsNameTheLine() {
        assertThatThrownBy(() -> parse("version: 1\nname: [unclosed\n"))
                .isInstanceOf(ContractException.class)
                .hasMessageContaining("not valid YAML/JSON at line");
    }

    @Test
    void aWideColumnInAUnitWithoutConversionIsRejectedAtLoad() {
        assertThatThrownBy(() -> parse("""
                version: 1
                name: w
                format: {type: delimited}
                mapping:
                  shape: wide
                  sensorId: id
                  columns: [{column: t, metric: temperature, unit: degF}]
                timestamp: {fields: ts}
                metrics: {temperature: {unit: degC}}
                """)).hasMessageContaining("/mapping/columns/0/unit: unit \"degF\" differs from the canonical unit \"degC\"");
    }
}
