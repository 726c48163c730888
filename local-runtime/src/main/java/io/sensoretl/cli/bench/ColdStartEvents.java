package io.sensoretl.cli.bench;

import io.sensoretl.aws.S3Clients;
import io.sensoretl.chunk.ChunkDescriptor;
import io.sensoretl.chunk.ChunkPlanner;
import io.sensoretl.chunk.SourceObject;
import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.cli.JsonOutput;
import io.sensoretl.contract.ContractLoader;
import io.sensoretl.decode.Compression;
import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.LocalS3;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The first event each function gets in the benchmark. {@code plan} and {@code transform} get a real
 * one against an in-memory local S3 endpoint ({@link LocalS3}) started here (the child JVMs reach it through
 * SENSOR_ETL_S3_ENDPOINT, as the local runtime's handlers do): a generated upload and its first
 * chunk. The others talk to DynamoDB or Glue, which have no embeddable server, or (run-results) read
 * a Distributed Map's ResultWriter output: they run their SnapStart priming instead, the same handler code on a small built-in event with AWS answering
 * from memory.
 */
final class ColdStartEvents implements AutoCloseable {
    static final String UPLOAD_KEY = DataDir.UPLOAD_PREFIX + "coldstart.ndjson";

    /** How a function is invoked: its driver arguments, environment, and what that measures. */
    record Invocation(String kind, String description, List<String> driverArgs, Map<String, String> env) {}

    private final Path dir;
    private final int records;
    private LocalS3 s3;

    ColdStartEvents(Path dir, int records) {
        this.dir = dir;
        this.records = records;
    }

    Invocation of(LambdaFunction f) throws Exception {
        return switch (f) {
            case PLAN -> {
                String event = JsonOutput.line(Map.of("bucket", DataDir.SOURCE_BUCKET, "key", UPLOAD_KEY,
                        "workBucket", DataDir.DATA_BUCKET));
                yield s3Event(f, event, "plan of a " + records + "-record upload in the embedded S3");
            }
            case TRANSFORM -> {
                yield s3Event(f, JsonOutput.line(Map.of("chunk", firstChunk(), "outputBucket", DataDir.DATA_BUCKET)),
                        "transform of a " + records + "-record chunk from the embedded S3, Parquet written back to it");
            }
            default -> new Invocation("priming", f.functionName() + "'s SnapStart priming: its handler on a built-in event, "
                    + "AWS answering from memory (" + (f == LambdaFunction.RUN_RESULTS
                            ? "its real event is a Distributed Map's ResultWriter output" : "no DynamoDB/Glue server here") + ")",
                    List.of("prime", f.primingClass(), f.functionName()), Map.of());
        };
    }

    private Invocation s3Event(LambdaFunction f, String event, String description) throws Exception {
        Path file = dir.resolve(f.functionName() + "-event.json");
        Files.writeString(file, event);
        return new Invocation("event", description, List.of("invoke", f.handlerClass(), f.functionName(), file.toString()),
                Map.of(S3Clients.ENDPOINT_ENV, endpoint().toString()));
    }

    private ChunkDescriptor firstChunk() throws Exception {
        endpoint();
        HeadObjectResponse head = s3.client().headObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(UPLOAD_KEY));
        SourceObject object = new SourceObject(new SourceVersion(DataDir.SOURCE_BUCKET, UPLOAD_KEY, head.eTag()), head.contentLength(),
                head.lastModified(), Compression.NONE);
        return new ChunkPlanner(ContractLoader.defaultContract().format(), ChunkPlanner.DEFAULT_TARGET_BYTES)
                .plan("run-coldstart", List.of(object)).get(0);
    }

    /** Starts the local S3 endpoint (in memory) on first use, with the buckets and the upload. */
    private URI endpoint() throws Exception {
        if (s3 == null) {
            // the child JVMs sign with the credentials a function uses against SENSOR_ETL_S3_ENDPOINT
            s3 = LocalS3.startInMemory(S3Clients.LOCAL_ACCESS_KEY, S3Clients.LOCAL_SECRET_KEY);
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            new DumpGenerator(1, 0.02).writeRecords(dump, records);
            s3.ensureBucket(DataDir.SOURCE_BUCKET);
            s3.ensureBucket(DataDir.DATA_BUCKET);
            s3.client().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(UPLOAD_KEY), RequestBody.fromBytes(dump.toByteArray()));
        }
        return s3.endpoint();
    }

    @Override
    public void close() {
        if (s3 != null) {
            s3.close();
        }
    }
}
