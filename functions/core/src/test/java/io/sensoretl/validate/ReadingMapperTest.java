package io.sensoretl.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonLineDecoder;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference mapping of one decoded record to readings: each rule of the contract with the reason
 * and the words a user sees in the rejects table. The default contract (NDJSON, long shape) unless a
 * test needs another.
 */
class ReadingMapperTest {
    private static final Contract DEFAULT = ContractLoader.defaultContract();

    private record Rejected(RejectReason reason, String detail) {}

    private static final class Outcome implements ReadingSink {
        final List<Reading> readings = new ArrayList<>();
        final List<Rejected> rejects = new ArrayList<>();

        @Override
        public void reading(Reading reading) {
            readings.add(reading);
        }

        @Override
        public void reject(RejectReason reason, String detail) {
            rejects.add(new Rejected(reason, detail));
        }
    }

    private static Outcome map(ReadingMapper mapper, String json) throws FieldError {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        Outcome out = new Outcome();
        mapper.map(new JsonLineDecoder().decode(bytes, bytes.length), out);
        return out;
    }

    private static Outcome map(String json) throws FieldError {
        return map(new ReadingMapper(DEFAULT, "incoming/a.ndjson", "run-1"), json);
    }

    private static String record(String sensor, String time, String metric, String value, String unit) {
        return "{\"device\":{\"id\":" + sensor + ",\"fw\":\"1.2\"},\"site\":\"north\",\"time\":" + time
                + ",\"metric\":" + metric + ",\"value\":" + value + ",\"unit\":" + unit
                + ",\"location\":{\"lat\":45.1,\"lon\":7.6}}";
    }

    private static Rejected onlyReject(Outcome out) {
        assertThat(out.readings).isEmpty();
        assertThat(out.rejects).hasSize(1);
        return out.rejects.get(0);
    }

    @Test
    void aValidRecordBecomesOneReadingWithTrimmedFieldsCoordinatesAttributesAndItsSource() throws FieldError {
        Outcome out = map(record("\" s-1 \"", "\"2024-03-01T10:15:30.5+01:00\"", "\" temperature \"", "21.5", "\"degC\""));
        assertThat(out.rejects).isEmpty();
        assertThat(out.readings).singleElement().satisfies(r -> {
            assertThat(r.sensorId()).isEqualTo("s-1");
            assertThat(r.ts()).isEqualTo(Instant.parse("2024-03-01T09:15:30.5Z"));
            assertThat(r.metric()).isEqualTo("temperature");
            assertThat(r.value()).isEqualTo(21.5);
            assertThat(r.unit()).isEqualTo("degC");
            assertThat(r.lat()).isEqualTo(45.1);
            assertThat(r.lon()).isEqualTo(7.6);
            assertThat(r.attributes()).containsOnly(Map.entry("firmware", "1.2"), Map.entry("site", "north"));
            assertThat(r.sourceKey()).isEqualTo("incoming/a.ndjson");
            assertThat(r.runId()).isEqualTo("run-1");
        });
    }

    @Test
    void aValueInAConvertibleUnitIsStoredInTheMetricsCanonicalUnit() throws FieldError {
        Reading r = map(record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "68", "\"degF\"")).readings.get(0);
        assertThat(r.unit()).isEqualTo("degC");
        assertThat(r.value()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        Reading kpa = map(record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"pressure\"", "101.3", "\"kPa\"")).readings.get(0);
        assertThat(kpa.unit()).isEqualTo("hPa");
        assertThat(kpa.value()).isCloseTo(1013.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void aMissingSensorIdRejectsTheRecordAsMissingField() throws FieldError {
        Rejected r = onlyReject(map(record("null", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"")));
        assertThat(r.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(r.detail()).contains("/device/id").endsWith("sensor id is missing");
        assertThat(onlyReject(map(record("\"   \"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\""))).detail())
                .endsWith("sensor id is blank");
    }

    @Test
    void aSensorIdLongerThanTheLimitIsTooLong() throws FieldError {
        String id = "\"" + "x".repeat(SensorIdRule.MAX_ID_CHARS + 1) + "\"";
        Rejected r = onlyReject(map(record(id, "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"")));
        assertThat(r.reason()).isEqualTo(RejectReason.TOO_LONG);
        assertThat(r.detail()).endsWith("sensor id is 257 characters, more than 256");
        assertThat(map(record("\"" + "x".repeat(SensorIdRule.MAX_ID_CHARS) + "\"", "\"2024-03-01T10:00:00Z\"",
                "\"temperature\"", "20", "\"degC\"")).readings).hasSize(1);
    }

    @Test
    void aControlOrInvisibleCharacterInAnIdentifierIsAnInvalidCharacter() throws FieldError {
        Rejected sensor = onlyReject(map(record("\"s\\u0000-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"")));
        assertThat(sensor.reason()).isEqualTo(RejectReason.INVALID_CHARACTER);
        assertThat(sensor.detail()).contains("sensor id contains").contains("at character 1");
        Rejected metric = onlyReject(map(record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temp\\u200berature\"", "20", "\"degC\"")));
        assertThat(metric.reason()).isEqualTo(RejectReason.INVALID_CHARACTER);
        assertThat(metric.detail()).contains("/metric").contains("metric contains").contains("at character 4");
        Rejected unit = onlyReject(map(record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"deg\\tC\"")));
        assertThat(unit.reason()).isEqualTo(RejectReason.INVALID_CHARACTER);
        assertThat(unit.detail()).contains("/unit").contains("unit contains");
    }

    @Test
    void aControlCharacterInAnAttributeRejectsTheRecordButTabCrAndLfAreAllowed() throws FieldError {
        String base = record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"");
        Rejected r = onlyReject(map(base.replace("\"north\"", "\"no\\u0007rth\"")));
        assertThat(r.reason()).isEqualTo(RejectReason.INVALID_CHARACTER);
        assertThat(r.detail()).startsWith("attributes.site (/site) contains").contains("at character 2");
        assertThat(map(base.replace("\"north\"", "\"no\\trth\\r\\n\"")).readings).singleElement()
                .satisfies(reading -> assertThat(reading.attributes()).containsEntry("site", "no\trth\r\n"));
    }

    @Test
    void aNonScalarAttributeIsDroppedWithoutLosingTheReading() throws FieldError {
        String json = record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"")
                .replace("\"north\"", "{\"name\":\"north\"}");
        assertThat(map(json).readings).singleElement()
                .satisfies(r -> assertThat(r.attributes()).containsExactly(Map.entry("firmware", "1.2")));
    }

    @Test
    void timestampsThatAreMissingOrDoNotParseAreRejectedWithTheField() throws FieldError {
        Rejected missing = onlyReject(map(record("\"s-1\"", "null", "\"temperature\"", "20", "\"degC\"")));
        assertThat(missing.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(missing.detail()).isEqualTo("/time: timestamp is missing");
        Rejected bad = onlyReject(map(record("\"s-1\"", "\"yesterday\"", "\"temperature\"", "20", "\"degC\"")));
        assertThat(bad.reason()).isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(bad.detail()).isEqualTo("/time: expected an ISO-8601 date-time such as 2024-03-01T10:15:30Z, found \"yesterday\"");
    }

    @Test
    void coordinatesOutsideTheirRangeAreInvalidButAbsentOnesAreAllowed() throws FieldError {
        String base = record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"");
        Rejected lat = onlyReject(map(base.replace("45.1", "90.5")));
        assertThat(lat.reason()).isEqualTo(RejectReason.INVALID_COORDINATE);
        assertThat(lat.detail()).isEqualTo("/location/lat: 90.5 is outside [-90, 90]");
        Rejected lon = onlyReject(map(base.replace("7.6", "-180.01")));
        assertThat(lon.detail()).isEqualTo("/location/lon: -180.01 is outside [-180, 180]");
        assertThat(map(base.replace(",\"location\":{\"lat\":45.1,\"lon\":7.6}", "")).readings).singleElement()
                .satisfies(r -> assertThat(r.lat()).isNull());
        assertThat(map(base.replace("45.1", "-90")).readings).hasSize(1);
    }

    @Test
    void eachCandidateRuleRejectsWithItsReasonAndWords() throws FieldError {
        String t = "\"2024-03-01T10:00:00Z\"";
        assertThat(onlyReject(map(record("\"s-1\"", t, "null", "20", "\"degC\""))))
                .isEqualTo(new Rejected(RejectReason.MISSING_FIELD, "/metric: metric is missing"));
        assertThat(onlyReject(map(record("\"s-1\"", t, "\"temperature\"", "null", "\"degC\""))))
                .isEqualTo(new Rejected(RejectReason.MISSING_FIELD, "/value: value of temperature is missing"));
        assertThat(onlyReject(map(record("\"s-1\"", t, "\"temperature\"", "-9999", "\"degC\""))))
                .isEqualTo(new Rejected(RejectReason.MISSING_VALUE, "/value: -9999.0 is the missing-value sentinel for temperature"));
        assertThat(onlyReject(map(record("\"s-1\"", t, "\"radon\"", "20", "\"Bq\""))))
                .isEqualTo(new Rejected(RejectReason.UNKNOWN_METRIC,
                        "metric \"radon\" is not one of [co2, humidity, pm25, pressure, temperature]"));
        assertThat(onlyReject(map(record("\"s-1\"", t, "\"temperature\"", "20", "\"degR\""))))
                .isEqualTo(new Rejected(RejectReason.UNKNOWN_UNIT,
                        "unit \"degR\" of temperature has no conversion to its canonical unit \"degC\""));
        assertThat(onlyReject(map(record("\"s-1\"", t, "\"humidity\"", "100.5", "\"%\""))))
                .isEqualTo(new Rejected(RejectReason.OUT_OF_RANGE, "humidity 100.5 % is outside [0.0, 100.0]"));
        assertThat(map(record("\"s-1\"", t, "\"humidity\"", "100", "\"%\"")).readings).hasSize(1);
    }

    @Test
    void aValueOfTheWrongTypeIsRejectedAsWrongType() throws FieldError {
        Rejected r = onlyReject(map(record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "true", "\"degC\"")));
        assertThat(r.reason()).isEqualTo(RejectReason.WRONG_TYPE);
        assertThat(r.detail()).contains("/value");
    }

    @Test
    void aRepeatedDedupeKeyInTheSameChunkIsADuplicateButANewMapperStartsAfresh() throws FieldError {
        ReadingMapper mapper = new ReadingMapper(DEFAULT, "k", "run-1");
        String json = record("\"s-1\"", "\"2024-03-01T10:00:00Z\"", "\"temperature\"", "20", "\"degC\"");
        assertThat(map(mapper, json).readings).hasSize(1);
        assertThat(onlyReject(map(mapper, json)))
                .isEqualTo(new Rejected(RejectReason.DUPLICATE, "same [sensor_id, ts, metric] as an earlier reading"));
        // the key is (sensor_id, ts, metric): another metric at the same time is not a duplicate
        assertThat(map(mapper, json.replace("\"temperature\",\"value\":20,\"unit\":\"degC\"",
                "\"humidity\",\"value\":20,\"unit\":\"%\"")).readings).hasSize(1);
        assertThat(map(new ReadingMapper(DEFAULT, "k", "run-1"), json).readings).hasSize(1);
    }

    @Test
    void aWideRecordYieldsOneCandidatePerColumnAndARecordLevelErrorRejectsEachOfThem() throws FieldError {
        Contract wide = ContractLoader.parse("""
                version: 1
                name: wide
                format: {type: ndjson}
                mapping:
                  shape: wide
                  sensorId: /id
                  columns:
                    - {pointer: /t, metric: temperature, unit: degF}
                    - {pointer: /h, metric: humidity, unit: "%"}
                timestamp: {fields: /ts, encoding: epoch_s}
                metrics:
                  temperature: {unit: degC, min: -60, max: 85}
                  humidity: {unit: "%", min: 0, max: 100}
                conversions:
                  - {from: degF, to: degC, scale: 0.5555555555555556, offset: -17.77777777777778}
                """.getBytes(StandardCharsets.UTF_8), "wide.yaml");
        ReadingMapper mapper = new ReadingMapper(wide, "k", "run-1");
        assertThat(mapper.candidatesPerRecord()).isEqualTo(2);

        Outcome ok = map(mapper, "{\"id\":\"s-1\",\"ts\":1709287200,\"t\":68,\"h\":101}");
        assertThat(ok.readings).extracting(Reading::metric, Reading::unit, Reading::ts)
                .containsExactly(tuple("temperature", "degC", Instant.parse("2024-03-01T10:00:00Z")));
        assertThat(ok.readings.get(0).value()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ok.rejects).extracting(Rejected::reason).containsExactly(RejectReason.OUT_OF_RANGE);

        Outcome noId = map(mapper, "{\"ts\":1709287200,\"t\":70,\"h\":50}");
        assertThat(noId.readings).isEmpty();
        assertThat(noId.rejects).extracting(Rejected::reason).containsExactly(RejectReason.MISSING_FIELD, RejectReason.MISSING_FIELD);
    }
}
