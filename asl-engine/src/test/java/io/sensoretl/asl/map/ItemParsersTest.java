package io.sensoretl.asl.map;

import static io.sensoretl.asl.Engines.assertJson;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.json.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemParsersTest {
    private static ReaderSettings csv(String location, List<String> headers, char delimiter) {
        return new ReaderSettings("CSV", location, headers, delimiter, null);
    }

    @Test
    void givenHeadersPadMissingFieldsAndDropExtraOnes() {
        assertJson(ItemParsers.parse("a,b,c,d\nx\n", csv("GIVEN", List.of("h1", "h2", "h3"), ',')),
                Json.parse("[{\"h1\":\"a\",\"h2\":\"b\",\"h3\":\"c\"},{\"h1\":\"x\",\"h2\":\"\",\"h3\":\"\"}]"));
    }

    @Test
    void firstRowHeadersKeepBlankFieldsAndSkipBlankLines() {
        assertJson(ItemParsers.parse("k,\r\n\r\n1,2\n   \n", csv("FIRST_ROW", List.of(), ',')),
                Json.parse("[{\"k\":\"1\",\"\":\"2\"},{\"k\":\"   \",\"\":\"\"}]"));
    }

    @Test
    void quotedFieldsMayHoldDelimitersQuotesAndNewlines() {
        assertJson(ItemParsers.parse("a;b\n\"x;y\";\"say \"\"hi\"\"\nthere\"\n", csv("FIRST_ROW", List.of(), ';')),
                Json.parse("[{\"a\":\"x;y\",\"b\":\"say \\\"hi\\\"\\nthere\"}]"));
    }

    @Test
    void duplicateHeadersAreRejectedAsAwsWordsIt() {
        assertThatThrownBy(() -> ItemParsers.parse("a,a\n1,2\n", csv("FIRST_ROW", List.of(), ',')))
                .isInstanceOf(ItemReaderFailure.class).hasMessage("CSV headers cannot contain duplicates.");
    }

    @Test
    void unsupportedInputTypesFailNamingTheType() {
        assertThatThrownBy(() -> ItemParsers.parse("x", new ReaderSettings("PARQUET", "FIRST_ROW", List.of(), ',', null)))
                .hasMessageContaining("PARQUET");
    }
}
