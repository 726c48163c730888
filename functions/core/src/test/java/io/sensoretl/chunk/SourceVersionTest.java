package io.sensoretl.chunk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sensoretl.decode.Compression;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceVersionTest {

    @Test
    void theEtagIsTheSameValueWhetherS3QuotedItOrAnEventDidNot() {
        SourceVersion fromHead = new SourceVersion("uploads", "incoming/a.ndjson", "\"9b2cf535f27731c974343645a3985328\"");
        SourceVersion fromEvent = new SourceVersion("uploads", "incoming/a.ndjson", "9b2cf535f27731c974343645a3985328");
        assertThat(fromHead).isEqualTo(fromEvent);
        assertThat(fromHead.etag()).isEqualTo("9b2cf535f27731c974343645a3985328");
        assertThat(fromHead.quotedEtag()).isEqualTo("\"9b2cf535f27731c974343645a3985328\"");
        assertThat(fromHead.runId()).isEqualTo(fromEvent.runId());
    }

    @Test
    void runIdsAreDerivedAsTheyAlwaysWere() {
        // sha256("bucket\nkey\n\"etag\"\n" per object, sorted by bucket and key), first 10 bytes: run ids of
        // existing deployments name S3 prefixes and ledger entries, so the derivation must never change
        assertThat(new SourceVersion("uploads", "incoming/a.ndjson", "9b2cf535f27731c974343645a3985328").runId())
                .isEqualTo("run-101a68f3ff861abe0be5");
        SourceVersion a = new SourceVersion("a", "x", "\"e1\"");
        SourceVersion b = new SourceVersion("b", "y", "e2");
        assertThat(SourceVersion.runIdOf(List.of(b, a))).isEqualTo("run-2041ab50226697341d6e")
                .isEqualTo(SourceVersion.runIdOf(List.of(a, b)));
    }

    @Test
    void aNewUploadOfTheSameKeyIsAnotherVersionAndAnotherRun() {
        SourceVersion first = new SourceVersion("uploads", "k", "e1");
        SourceVersion second = new SourceVersion("uploads", "k", "e2");
        assertThat(first).isNotEqualTo(second);
        assertThat(first.sourceObject()).isEqualTo(second.sourceObject()).isEqualTo("uploads/k");
        assertThat(first.runId()).isNotEqualTo(second.runId());
    }

    @Test
    void aChunkIsPlannedOnTheVersionItWillReadAndSendsTheEtagQuoted() {
        SourceVersion v = new SourceVersion("uploads", "incoming/a.ndjson", "abc");
        SourceObject o = new SourceObject(v, 100, Instant.parse("2024-03-01T10:00:00Z"), Compression.NONE);
        ChunkDescriptor chunk = new ChunkPlanner(io.sensoretl.contract.ContractLoader.defaultContract().format(), 1 << 20)
                .plan(v.runId(), List.of(o)).get(0);
        assertThat(chunk.etag()).isEqualTo("\"abc\"");
        assertThat(chunk.source()).isEqualTo(v);
        assertThat(chunk.runId()).isEqualTo(v.runId());
    }

    @Test
    void aVersionNeedsABucketAKeyAndAnEtag() {
        assertThatThrownBy(() -> new SourceVersion("b", "k", "\"\""))
                .hasMessage("a source version needs a bucket, key and ETag, got b/k@");
        assertThatThrownBy(() -> new SourceVersion("b", null, "e")).hasMessage("key");
        assertThat(new SourceVersion("b", "k", "e")).hasToString("s3://b/k (ETag e)");
    }
}
