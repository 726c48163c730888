package io.sensoretl.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.generate.GeneratorTruth;
import io.sensoretl.plan.PlanResult;
import io.sensoretl.testing.DuckDb;
import io.sensoretl.testing.EmbeddedS3;
import io.sensoretl.transform.ChunkStats;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The plan and transform handlers against an embedded S3 server, through the real SDK client. */
class PlanAndTransformOnS3Test {
    static EmbeddedS3 s3;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        s3 = EmbeddedS3.inMemory().bucket("source").bucket("work");
    }

    @AfterAll
    static void stop() throws Exception {
        s3.close();
    }

    private static JsonNode event(String json) throws Exception {
        return Json.MAPPER.readTree(json);
    }

    private static byte[] dump(long seed, int records, double bad, GeneratorTruth[] truth) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        truth[0] = new DumpGenerator(seed, bad).writeRecords(out, records);
        return out.toByteArray();
    }

    private List<ChunkDescriptor> manifest(PlanResult plan) throws Exception {
        byte[] body = s3.client().getObjectAsBytes(b -> b.bucket(plan.manifestBucket()).key(plan.manifestKey())).asByteArray();
        return Json.MAPPER.readValue(body, new TypeReference<List<ChunkDescriptor>>() {});
    }

    private List<ChunkStats> transformAll(PlanResult plan) throws Exception {
        TransformHandler transform = new TransformHandler(s3.client());
        List<ChunkStats> stats = new ArrayList<>();
        for (ChunkDescriptor c : manifest(plan)) {
            JsonNode ev = Json.MAPPER.createObjectNode().<com.fasterxml.jackson.databind.node.ObjectNode>set("chunk", Json.MAPPER.valueToTree(c))
                    .put("outputBucket", "work");
            stats.add(transform.transform(ev));
        }
        return stats;
    }

    /** Copies a prefix to local disk: DuckDB reads local files (httpfs is not available offline). */
    private Path download(String prefix) throws Exception {
        Path local = Files.createTempDirectory(dir, "dl");
        for (S3Object o : s3.client().listObjectsV2Paginator(b -> b.bucket("work").prefix(prefix)).contents()) {
            Path target = local.resolve(o.key());
            Files.createDirectories(target.getParent());
            Files.write(target, s3.client().getObjectAsBytes(b -> b.bucket("work").key(o.key())).asByteArray());
        }
        return local;
    }

    @Test
    void anUploadedDumpIsPlannedIntoRangesAndEveryRecordIsAccountedFor() throws Exception {
        GeneratorTruth[] truth = new GeneratorTruth[1];
        byte[] body = dump(11, 30_000, 0.1, truth);
        s3.put("source", "incoming/plain.ndjson", body);

        PlanResult plan = new PlanHandler(s3.client()).plan(event("""
                {"detail-type":"Object Created","source":"aws.s3",
                 "detail":{"bucket":{"name":"source"},"object":{"key":"incoming/plain.ndjson"}},
                 "workBucket":"work","chunkBytes":1048576}"""));
        assertThat(plan.chunks()).isEqualTo((int) ((body.length + 1048575L) / 1048576));
        assertThat(plan.bytes()).isEqualTo(body.length);
        List<ChunkDescriptor> chunks = manifest(plan);
        assertThat(chunks).allMatch(ChunkDescriptor::splittable);
        assertThat(chunks.get(chunks.size() - 1).end()).isEqualTo(body.length);

        List<ChunkStats> stats = transformAll(plan);
        long records = stats.stream().mapToLong(ChunkStats::records).sum();
        long valid = stats.stream().mapToLong(ChunkStats::valid).sum();
        long dupes = stats.stream().mapToLong(s -> s.rejectedByReason().getOrDefault("duplicate", 0L)).sum();
        assertThat(records).isEqualTo(truth[0].records());
        assertThat(stats.stream().mapToLong(ChunkStats::bytes).sum()).isEqualTo(body.length);
        // a duplicate whose original is in the previous chunk is found too (each chunk reads the keys before it)
        assertThat(dupes).isEqualTo(truth[0].rejectedByReason().get("duplicate"));
        assertThat(valid).isEqualTo(truth[0].valid());

        Path staged = download("runs/" + plan.runId() + "/staging/");
        try (DuckDb db = new DuckDb()) {
            assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(staged + "/**/*.parquet") + ")")).isEqualTo(valid);
        }
    }

    @Test
    void aGzipDumpIsOneChunkAndMatchesTheGeneratorExactly() throws Exception {
        GeneratorTruth[] truth = new GeneratorTruth[1];
        byte[] raw = dump(12, 8_000, 0.15, truth);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(raw);
        }
        // a misleading name: compression is detected from the bytes
        s3.put("source", "incoming/looks-plain.json", gz.toByteArray());
        PlanResult plan = new PlanHandler(s3.client()).plan(event("""
                {"bucket":"source","key":"incoming/looks-plain.json","workBucket":"work","chunkBytes":1024}"""));
        assertThat(plan.chunks()).isEqualTo(1);
        assertThat(manifest(plan).get(0).compression()).isEqualTo("gzip");
        ChunkStats s = transformAll(plan).get(0);
        assertThat(s.valid()).isEqualTo(truth[0].valid());
        assertThat(s.rejectedByReason()).isEqualTo(truth[0].rejectedByReason());
        assertThat(s.bytes()).isEqualTo(raw.length);

        Path rejects = download("curated/rejects/");
        try (DuckDb db = new DuckDb()) {
            assertThat(db.scalar("SELECT count(*) FROM read_parquet(" + DuckDb.literal(rejects + "/**/run=" + plan.runId() + "/*.parquet")
                    + ", hive_partitioning=true)")).isEqualTo(truth[0].rejected());
        }
    }

    @Test
    void aRetriedChunkOverwritesItsOwnFilesInsteadOfAddingCopies() throws Exception {
        GeneratorTruth[] truth = new GeneratorTruth[1];
        s3.put("source", "incoming/retry.ndjson", dump(13, 3_000, 0.05, truth));
        PlanResult plan = new PlanHandler(s3.client()).plan(event("""
                {"bucket":"source","key":"incoming/retry.ndjson","workBucket":"work"}"""));
        transformAll(plan);
        var keys = s3.client().listObjectsV2(b -> b.bucket("work").prefix("runs/" + plan.runId() + "/staging/")).contents()
                .stream().map(S3Object::key).toList();
        transformAll(plan);
        var again = s3.client().listObjectsV2(b -> b.bucket("work").prefix("runs/" + plan.runId() + "/staging/")).contents()
                .stream().map(S3Object::key).toList();
        assertThat(again).isNotEmpty().containsExactlyElementsOf(keys);
        // and the same upload event plans the same run
        assertThat(new PlanHandler(s3.client()).plan(event("""
                {"bucket":"source","key":"incoming/retry.ndjson","workBucket":"work"}""")).runId()).isEqualTo(plan.runId());
    }

    @Test
    void aSourceReplacedAfterPlanningFailsTheChunkLoudly() throws Exception {
        s3.put("source", "incoming/changing.ndjson", "{\"a\":1}\n".getBytes());
        PlanResult plan = new PlanHandler(s3.client()).plan(event("""
                {"bucket":"source","key":"incoming/changing.ndjson","workBucket":"work"}"""));
        s3.client().putObject(b -> b.bucket("source").key("incoming/changing.ndjson"), RequestBody.fromString("{\"b\":2}\n"));
        assertThatThrownBy(() -> transformAll(plan)).hasMessageContaining("changed since it was planned");
    }

    @Test
    void aPrefixPlansEveryObjectAndEmptyObjectsYieldNoChunks() throws Exception {
        s3.put("source", "batch/a.ndjson", "{}\n".repeat(100).getBytes());
        s3.put("source", "batch/empty.ndjson", new byte[0]);
        PlanResult plan = new PlanHandler(s3.client()).plan(event("""
                {"bucket":"source","prefix":"batch/","workBucket":"work"}"""));
        assertThat(plan.objects()).isEqualTo(2);
        assertThat(plan.emptyObjects()).isEqualTo(1);
        assertThat(plan.chunks()).isEqualTo(1);
    }
}
