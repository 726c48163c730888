package io.sensoretl.validate;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.contract.Contract;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.contract.TimeEncoding;
import io.sensoretl.decode.FieldError;
import io.sensoretl.decode.JsonLineDecoder;
import io.sensoretl.decode.RecordView;
import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A record's time as UTC microseconds, for each encoding a contract can declare, and the reject of each failure. */
class TimestampParserTest {

    private static TimestampParser parser(String timestamp) {
        Contract c = ContractLoader.parse(("""
                version: 1
                name: t
                format: {type: ndjson}
                mapping: {sensorId: /id, metric: /m, value: /v}
                timestamp: %s
                """.formatted(timestamp)).getBytes(StandardCharsets.UTF_8), "t.yaml");
        return new TimestampParser(c.timestamp());
    }

    private static RecordView record(String json) throws FieldError {
        byte[] b = json.getBytes(StandardCharsets.UTF_8);
        return new JsonLineDecoder().decode(b, b.length);
    }

    private static Instant parse(TimestampParser p, String json) throws FieldError {
        long micros = p.micros(record(json));
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
    }

    private static FieldError failure(TimestampParser p, String json) {
        try {
            long micros = p.micros(record(json));
            throw new AssertionError(json + " parsed to " + micros + " micros, expected a reject");
        } catch (FieldError e) {
            return e;
        }
    }

    @Test
    void isoTextWithAnOffsetIsThatInstantAndWithoutOneIsInTheContractsZone() throws FieldError {
        TimestampParser rome = parser("{fields: /t, encoding: iso8601, zone: Europe/Rome}");
        assertThat(parse(rome, "{\"t\":\"2024-03-01T10:15:30.123456Z\"}")).isEqualTo(Instant.parse("2024-03-01T10:15:30.123456Z"));
        assertThat(parse(rome, "{\"t\":\"2024-03-01T10:15:30-05:00\"}")).isEqualTo(Instant.parse("2024-03-01T15:15:30Z"));
        assertThat(parse(rome, "{\"t\":\"2024-03-01T10:15:30\"}")).as("CET in March").isEqualTo(Instant.parse("2024-03-01T09:15:30Z"));
        assertThat(parse(rome, "{\"t\":\"2024-07-01T10:15:30\"}")).as("CEST in July").isEqualTo(Instant.parse("2024-07-01T08:15:30Z"));
        assertThat(parse(rome, "{\"t\":\"  2024-03-01T10:15:30Z \"}")).as("surrounding blanks are trimmed")
                .isEqualTo(Instant.parse("2024-03-01T10:15:30Z"));
    }

    @Test
    void isoTextTheFastParserLeavesIsParsedByTheJdk() throws FieldError {
        TimestampParser utc = parser("{fields: /t, encoding: iso8601, zone: UTC}");
        // a region id in brackets is outside the fast path's grammar
        assertThat(parse(utc, "{\"t\":\"2024-03-01T10:15:30+01:00[Europe/Paris]\"}")).isEqualTo(Instant.parse("2024-03-01T09:15:30Z"));
    }

    @Test
    void isoTextThatDoesNotParseIsAnUnparseableTimestampNamingTheFieldAndTheText() {
        TimestampParser utc = parser("{fields: /t, encoding: iso8601}");
        FieldError e = failure(utc, "{\"t\":\"01/03/2024 10:15\"}");
        assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(e.getMessage()).isEqualTo("/t: expected an ISO-8601 date-time such as 2024-03-01T10:15:30Z, found \"01/03/2024 10:15\"");
        assertThat(failure(utc, "{\"t\":\"2024-02-30T10:00:00Z\"}").reason()).as("no 30 February")
                .isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(failure(utc, "{\"t\":\"" + "9".repeat(60) + "\"}").getMessage()).as("long texts are abbreviated")
                .endsWith("found \"" + "9".repeat(37) + "...\"");
    }

    @Test
    void aMissingOrNullTimestampIsAMissingField() {
        TimestampParser utc = parser("{fields: /t, encoding: iso8601}");
        for (String json : new String[] {"{}", "{\"t\":null}"}) {
            FieldError e = failure(utc, json);
            assertThat(e.reason()).as(json).isEqualTo(RejectReason.MISSING_FIELD);
            assertThat(e.getMessage()).isEqualTo("/t: timestamp is missing");
        }
        assertThat(utc.missing().getMessage()).isEqualTo("/t: timestamp is missing");
    }

    @Test
    void epochNumbersAreReadInTheContractsUnitAndRoundedToTheMicrosecond() throws FieldError {
        Instant t = Instant.parse("2024-03-01T10:00:00Z");
        assertThat(parse(parser("{fields: /t, encoding: epoch_s}"), "{\"t\":1709287200.25}")).isEqualTo(t.plusMillis(250));
        assertThat(parse(parser("{fields: /t, encoding: epoch_ms}"), "{\"t\":1709287200250}")).isEqualTo(t.plusMillis(250));
        assertThat(parse(parser("{fields: /t, encoding: epoch_us}"), "{\"t\":1709287200250001}")).isEqualTo(t.plusNanos(250_001_000));
        assertThat(parse(parser("{fields: /t, encoding: epoch_ms}"), "{\"t\":\"1709287200250\"}")).as("a numeric string")
                .isEqualTo(t.plusMillis(250));
        assertThat(TimestampParser.epochMicros(1.0000004, 1_000_000L)).isEqualTo(1_000_000L);
        assertThat(TimestampParser.epochMicros(1.0000006, 1_000_000L)).isEqualTo(1_000_001L);
    }

    @Test
    void anEpochInTheWrongUnitFallsOutside1970To2200AndSaysSo() {
        // milliseconds read as seconds land in the year ~56000
        FieldError e = failure(parser("{fields: /t, encoding: epoch_s}"), "{\"t\":1709287200250}");
        assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(e.getMessage()).isEqualTo("/t: 1.70928720025E12 is outside 1970..2200 (wrong epoch unit?)");
        assertThat(failure(parser("{fields: /t, encoding: epoch_s}"), "{\"t\":-1}").getMessage()).contains("outside 1970..2200");
        assertThat(failure(parser("{fields: /t, encoding: iso8601}"), "{\"t\":\"1969-12-31T23:59:59Z\"}").getMessage())
                .isEqualTo("/t: 1969-12-31T23:59:59Z is outside 1970..2200 (wrong epoch unit?)");
    }

    @Test
    void anEpochThatIsNotANumberIsAnUnparseableTimestamp() {
        FieldError e = failure(parser("{fields: /t, encoding: epoch_s}"), "{\"t\":\"soon\"}");
        assertThat(e.reason()).isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(e.getMessage()).contains("/t");
        assertThat(failure(parser("{fields: /t, encoding: epoch_s}"), "{\"t\":null}").reason()).isEqualTo(RejectReason.MISSING_FIELD);
    }

    @Test
    void theRangeIsFrom1970InclusiveTo2200Exclusive() {
        assertThat(TimestampParser.inRange(0)).isTrue();
        assertThat(TimestampParser.inRange(-1)).isFalse();
        long y2200 = Reading.micros(Instant.parse("2200-01-01T00:00:00Z"));
        assertThat(TimestampParser.inRange(y2200 - 1)).isTrue();
        assertThat(TimestampParser.inRange(y2200)).isFalse();
    }

    @Test
    void aPatternTimeSplitOverTwoFieldsIsJoinedWithABlankInTheContractsZone() throws FieldError {
        TimestampParser p = parser("{fields: [/date, /time], encoding: pattern, pattern: \"dd/MM/yyyy HH.mm.ss\", zone: \"+01:00\"}");
        assertThat(parse(p, "{\"date\":\"01/03/2024\",\"time\":\" 10.15.30\"}")).isEqualTo(Instant.parse("2024-03-01T09:15:30Z"));
        FieldError part = failure(p, "{\"date\":\"01/03/2024\"}");
        assertThat(part.reason()).isEqualTo(RejectReason.MISSING_FIELD);
        assertThat(part.getMessage()).isEqualTo("/time: timestamp part is missing");
        FieldError bad = failure(p, "{\"date\":\"2024-03-01\",\"time\":\"10.15.30\"}");
        assertThat(bad.reason()).isEqualTo(RejectReason.UNPARSEABLE_TIMESTAMP);
        assertThat(bad.getMessage()).isEqualTo("/date + /time: expected the pattern \"dd/MM/yyyy HH.mm.ss\", found \"2024-03-01 10.15.30\"");
    }

    @Test
    void aPatternWithAnOffsetUsesTheOffsetInTheText() throws FieldError {
        TimestampParser p = parser("{fields: /t, encoding: pattern, pattern: \"yyyy-MM-dd HH:mm XXX\", zone: Europe/Rome}");
        assertThat(parse(p, "{\"t\":\"2024-03-01 10:15 -02:00\"}")).isEqualTo(Instant.parse("2024-03-01T12:15:00Z"));
    }

    @Test
    void microsPerUnitIsZeroForTextEncodings() {
        assertThat(TimestampParser.microsPerUnit(TimeEncoding.EPOCH_SECONDS)).isEqualTo(1_000_000L);
        assertThat(TimestampParser.microsPerUnit(TimeEncoding.EPOCH_MILLIS)).isEqualTo(1_000L);
        assertThat(TimestampParser.microsPerUnit(TimeEncoding.EPOCH_MICROS)).isEqualTo(1L);
        assertThat(TimestampParser.microsPerUnit(TimeEncoding.ISO8601)).isZero();
        assertThat(TimestampParser.microsPerUnit(TimeEncoding.PATTERN)).isZero();
    }
}
