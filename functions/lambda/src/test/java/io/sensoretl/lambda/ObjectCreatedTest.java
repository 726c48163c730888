package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.chunk.SourceVersion;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ObjectCreatedTest {
    /** The example event of the S3 user guide ("Amazon EventBridge event message structure"). */
    private static final String AWS_EXAMPLE = """
            {"version": "0", "id": "17793124-05d4-b198-2fde-7ededc63b103", "detail-type": "Object Created",
             "source": "aws.s3", "account": "111122223333", "time": "2021-11-12T00:00:00Z", "region": "ca-central-1",
             "resources": ["arn:aws:s3:::DOC-EXAMPLE-BUCKET1"],
             "detail": {"version": "0", "bucket": {"name": "DOC-EXAMPLE-BUCKET1"},
               "object": {"key": "example-key", "size": 5, "etag": "b1946ac92492d2347c6235b4d2611184",
                          "version-id": "IYV3p45BT0ac8hjHg1houSdS1a.Mro8e", "sequencer": "617f08299329d189"},
               "request-id": "N4N7GDK58NMKJ12R", "requester": "123456789012", "source-ip-address": "1.2.3.4",
               "reason": "PutObject"}}""";

    @Test
    void anEventFromS3IsReadIntoOneRecord() throws Exception {
        ObjectCreated upload = ObjectCreated.from(Json.MAPPER.readTree(AWS_EXAMPLE)).orElseThrow();

        assertThat(upload).isEqualTo(new ObjectCreated("17793124-05d4-b198-2fde-7ededc63b103",
                Instant.parse("2021-11-12T00:00:00Z"), "ca-central-1", "111122223333", "DOC-EXAMPLE-BUCKET1", "example-key", 5,
                "b1946ac92492d2347c6235b4d2611184", "617f08299329d189", "N4N7GDK58NMKJ12R", "123456789012", "1.2.3.4",
                "PutObject"));
        assertThat(upload.sourceVersion()).isEqualTo(new SourceVersion("DOC-EXAMPLE-BUCKET1", "example-key", "b1946ac92492d2347c6235b4d2611184"));
    }

    @Test
    void theLocalRuntimesEventIsWrittenAsS3WritesItAndReadsBackTheSame() throws Exception {
        ObjectCreated upload = ObjectCreated.upload("sensor-etl-source", "incoming/a.ndjson", 1234, "\"9b2cf535f27731c974343645a3985328\"",
                Instant.parse("2026-11-27T10:15:30.250Z"), "us-east-1", "123456789012");
        JsonNode json = upload.toJson();

        JsonNode example = Json.MAPPER.readTree(AWS_EXAMPLE);
        assertThat(names(json)).isEqualTo(names(example));
        assertThat(names(json.path("detail"))).isEqualTo(names(example.path("detail")));
        assertThat(json.path("detail").path("object").path("etag").asText()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(json.path("time").asText()).isEqualTo("2026-11-27T10:15:30Z");
        assertThat(ObjectCreated.from(json)).contains(upload);
    }

    @Test
    void otherJsonIsNotAnUploadAndAnUploadWithoutEtagIsNoRun() throws Exception {
        assertThat(ObjectCreated.from(Json.MAPPER.readTree("{\"bucket\":\"b\",\"key\":\"k\",\"etag\":\"e\"}"))).isEmpty();
        ObjectCreated noEtag = ObjectCreated.from(Json.MAPPER.readTree(
                "{\"detail\":{\"bucket\":{\"name\":\"b\"},\"object\":{\"key\":\"k\"}}}")).orElseThrow();
        assertThatThrownBy(noEtag::sourceVersion).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("s3://b/k");
    }

    private static String names(JsonNode node) {
        StringBuilder b = new StringBuilder();
        node.fieldNames().forEachRemaining(n -> b.append(n).append(','));
        return b.toString();
    }
}
