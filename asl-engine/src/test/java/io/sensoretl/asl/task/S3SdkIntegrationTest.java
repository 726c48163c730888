package io.sensoretl.asl.task;

import static io.sensoretl.asl.Engines.json;
import static io.sensoretl.asl.Engines.q;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.asl.Engines;
import io.sensoretl.asl.InMemoryObjectStore;
import io.sensoretl.asl.engine.AslEngine;
import io.sensoretl.asl.engine.ExecutionResult;
import io.sensoretl.asl.engine.ExecutionStatus;
import org.junit.jupiter.api.Test;

/** aws-sdk:s3 getObject, putObject and listObjectsV2 Task states over the engine's object store. */
class S3SdkIntegrationTest {
    private final InMemoryObjectStore s3 = new InMemoryObjectStore();
    private final Engines engines = new Engines(AslEngine.builder().objectStore(s3));

    private static String task(String action, String parameters, String extra) {
        return q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':'arn:aws:states:::aws-sdk:s3:" + action + "',"
                + "'Parameters':" + parameters + extra + ",'End':true}}}");
    }

    @Test
    void putThenGetAnObjectAsS3sMembersName() {
        s3.createBucket("b");
        ExecutionResult put = engines.run(task("putObject", "{'Bucket':'b','Key':'k/one.json','Body.$':'$.doc',"
                + "'ContentType':'application/json'}", ""), "{\"doc\":{\"a\":1}}");
        assertThat(put.status()).as(put.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        // S3's ETag of a single-part object: the MD5 of its bytes, quoted
        assertThat(put.output().path("ETag").asText()).isEqualTo("\"bb6cb5c68df4652941caf652a366f2d8\"");
        assertThat(s3.text("b", "k/one.json")).isEqualTo("{\"a\":1}");
        // recorded as AWS records an SDK integration
        assertThat(put.history().stream().filter(e -> e.type().equals("TaskScheduled")).findFirst().orElseThrow().details())
                .isEqualTo(json(q("{'resourceType':'aws-sdk:s3','resource':'putObject','region':'eu-west-1',"
                        + "'parameters':'{\\'Bucket\\':\\'b\\',\\'Key\\':\\'k/one.json\\',\\'Body\\':{\\'a\\':1},"
                        + "\\'ContentType\\':\\'application/json\\'}'}")));

        ExecutionResult get = engines.run(task("getObject", "{'Bucket':'b','Key':'k/one.json'}",
                ",'ResultSelector':{'doc.$':'States.StringToJson($.Body)','length.$':'$.ContentLength'}"), "{}");
        assertThat(get.status()).as(get.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(get.output()).isEqualTo(json(q("{'doc':{'a':1},'length':7}")));
    }

    @Test
    void aMissingKeyIsS3sNoSuchKeyExceptionWhichCatchSees() {
        s3.createBucket("b");
        ExecutionResult r = engines.run(q("{'StartAt':'T','States':{'T':{'Type':'Task','Resource':"
                + "'arn:aws:states:::aws-sdk:s3:getObject','Parameters':{'Bucket':'b','Key':'nope'},"
                + "'Catch':[{'ErrorEquals':['S3.NoSuchKeyException'],'ResultPath':'$.failure','Next':'Gone'}],'End':true},"
                + "'Gone':{'Type':'Pass','End':true}}}"), "{}");
        assertThat(r.status()).as(r.toString()).isEqualTo(ExecutionStatus.SUCCEEDED);
        assertThat(r.output().at("/failure/Error").asText()).isEqualTo("S3.NoSuchKeyException");
        assertThat(r.output().at("/failure/Cause").asText()).contains("does not exist");
    }

    @Test
    void listObjectsV2PagesWithMaxKeysAndTheContinuationToken() {
        for (String k : new String[] {"p/a", "p/b", "p/c", "q/d"}) {
            s3.putText("b", k, k);
        }
        ExecutionResult first = engines.run(task("listObjectsV2", "{'Bucket':'b','Prefix':'p/','MaxKeys':2}", ""), "{}");
        JsonNode page = first.output();
        assertThat(page.path("KeyCount").asInt()).isEqualTo(2);
        assertThat(page.path("IsTruncated").asBoolean()).isTrue();
        assertThat(page.path("Contents").findValuesAsText("Key")).containsExactly("p/a", "p/b");
        assertThat(page.path("Contents").get(0).path("Size").asLong()).isEqualTo(3);
        assertThat(page.path("Name").asText()).isEqualTo("b");
        String token = page.path("NextContinuationToken").asText();

        ExecutionResult second = engines.run(task("listObjectsV2", "{'Bucket':'b','Prefix':'p/','MaxKeys':2,"
                + "'ContinuationToken':'" + token + "'}", ""), "{}");
        assertThat(second.output().path("Contents").findValuesAsText("Key")).containsExactly("p/c");
        assertThat(second.output().path("IsTruncated").asBoolean()).isFalse();
        assertThat(second.output().has("NextContinuationToken")).isFalse();
    }

    @Test
    void aParameterTheEngineDoesNotHonourFailsNamingItInsteadOfBeingIgnored() {
        ExecutionResult r = engines.run(task("listObjectsV2", "{'Bucket':'b','Delimiter':'/'}", ""), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("'T'").contains("[Delimiter]").contains("aws-sdk:s3:listObjectsV2");
    }

    @Test
    void otherS3ActionsAreNotServedAndSaySo() {
        ExecutionResult r = engines.run(task("deleteObject", "{'Bucket':'b','Key':'k'}", ""), "{}");
        assertThat(r.error()).isEqualTo("States.Runtime");
        assertThat(r.cause()).contains("aws-sdk:s3:deleteObject").contains("mock it");
    }
}
