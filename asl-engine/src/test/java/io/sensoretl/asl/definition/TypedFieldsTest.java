package io.sensoretl.asl.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.asl.json.Json;
import org.junit.jupiter.api.Test;

/** The Task, ItemReader and ItemBatcher fields that may be a value, a path or JSONata, parsed and resolved. */
class TypedFieldsTest {
    private static com.fasterxml.jackson.databind.JsonNode json(String text) {
        return Json.parse(text.replace('\'', '"'));
    }

    @Test
    void taskSecondsAreJsonataOnlyForStringsOfJsonataStatesAndReadPathsFromTheRawInput() {
        assertThat(TaskSeconds.parse(json("{'TimeoutSeconds':'{% 5 %}'}"), "TimeoutSeconds", QueryLanguage.JSONATA)
                .source()).isInstanceOf(ValueSource.Jsonata.class);
        assertThat(TaskSeconds.parse(json("{'TimeoutSeconds':'5'}"), "TimeoutSeconds", QueryLanguage.JSONPATH)
                .source()).isInstanceOf(ValueSource.Literal.class);
        TaskSeconds heartbeat = TaskSeconds.parse(json("{'HeartbeatSecondsPath':'$.hb'}"), "HeartbeatSeconds",
                QueryLanguage.JSONPATH);
        assertThat(heartbeat.resolve(new StubValues("{\"hb\":7}", null))).isEqualTo(7L);
        assertThatThrownBy(() -> heartbeat.resolve(new StubValues("{}", null)))
                .hasMessageEndingWith("The HeartbeatSecondsPath parameter does not reference an input value: $.hb");
        assertThatThrownBy(() -> heartbeat.resolve(new StubValues("{\"hb\":0}", null)))
                .hasMessageEndingWith("The HeartbeatSeconds value must be a positive integer, got: 0");
        assertThat(TaskSeconds.parse(json("{}"), "TimeoutSeconds", QueryLanguage.JSONPATH).resolve(new StubValues("{}", null)))
                .isNull();
    }

    @Test
    void itemReaderTakesArgumentsInJsonataAndParametersInJsonPathWithItsReaderConfig() {
        ItemReader jsonPath = ItemReader.parse(json("{'Resource':'arn:aws:states:::s3:getObject','Parameters':{'Bucket':'b'},"
                + "'Arguments':{'ignored':true},'ReaderConfig':{'InputType':'CSV','CSVDelimiter':'PIPE','MaxItemsPath':'$.n'}}"),
                QueryLanguage.JSONPATH);
        assertThat(jsonPath.resource()).isEqualTo("arn:aws:states:::s3:getObject");
        assertThat(jsonPath.parameters()).isEqualTo(json("{'Bucket':'b'}"));
        assertThat(jsonPath.readerConfig()).extracting(ReaderConfig::inputType, ReaderConfig::csvHeaderLocation,
                ReaderConfig::csvDelimiter).containsExactly("CSV", "FIRST_ROW", "PIPE");
        assertThat(jsonPath.readerConfig().maxItems().resolve(new StubValues("{\"n\":\"-3\"}", null))).isEqualTo(-3L);
        assertThatThrownBy(() -> jsonPath.readerConfig().maxItems().resolve(new StubValues("{\"n\":\"x\"}", null)))
                .hasMessageEndingWith("The MaxItemsPath field refers to value \"x\" which is not a valid integer: $.n");

        ItemReader jsonata = ItemReader.parse(json("{'Resource':'r','Arguments':{'Bucket':'{% $b %}'},"
                + "'ReaderConfig':{'MaxItems':'{% 2 %}','MaxItemsPath':'$.ignored'}}"), QueryLanguage.JSONATA);
        assertThat(jsonata.parameters()).isEqualTo(json("{'Bucket':'{% $b %}'}"));
        assertThat(jsonata.readerConfig().maxItems().source()).isInstanceOf(ValueSource.Jsonata.class);
        assertThat(jsonata.readerConfig().inputType()).isEqualTo("JSON");
        assertThat(jsonata.readerConfig().maxItems().resolve(new StubValues("{}", "2"))).isEqualTo(2L);
    }

    @Test
    void itemBatcherNeedsALimitAndReadsPathsWrittenAsDigits() {
        ItemBatcher batcher = ItemBatcher.parse(json("{'MaxItemsPerBatchPath':'$.n','BatchInput':{'k':1}}"),
                QueryLanguage.JSONPATH);
        ItemBatcher.Resolved resolved = batcher.resolve(new StubValues("{\"n\":\"4\"}", "{\"k\":1}"));
        assertThat(resolved.maxItems()).isEqualTo(4L);
        assertThat(resolved.maxBytes()).isNull();
        assertThatThrownBy(() -> batcher.resolve(new StubValues("{\"n\":\"-4\"}", null)))
                .hasMessageEndingWith("The MaxItemsPerBatchPath field must reference an integer: $.n");
        assertThatThrownBy(() -> ItemBatcher.parse(json("{'BatchInput':{}}"), QueryLanguage.JSONPATH)
                .resolve(new StubValues("{}", "{}")))
                .hasMessageEndingWith("ItemBatcher needs MaxItemsPerBatch or MaxInputBytesPerBatch.");
    }

    @Test
    void writerConfigKeepsWhatWasWrittenForItsMessage() {
        WriterConfig config = ResultWriter.parse(json("{'WriterConfig':{'OutputType':'JSONL'}}"), QueryLanguage.JSONPATH)
                .writerConfig();
        assertThat(config.supported()).isFalse();
        assertThat(config.asWritten()).isEqualTo("{\"OutputType\":\"JSONL\"}");
        assertThat(ResultWriter.parse(json("{}"), QueryLanguage.JSONPATH).writerConfig().supported()).isTrue();
    }
}
