package io.sensoretl.lambda.priming;

import io.sensoretl.aws.AwsClients;
import io.sensoretl.catalog.CuratedTables;
import io.sensoretl.catalog.aws.GluePartitionCatalog;
import io.sensoretl.catalog.local.LocalPartitionCatalog;
import io.sensoretl.compact.CompactionConfig;
import io.sensoretl.compact.CuratedLayout;
import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.aws.DynamoDbPartitionLocks;
import io.sensoretl.lambda.CompactHandler;
import io.sensoretl.parquet.ParquetFiles;
import io.sensoretl.reading.Reading;
import io.sensoretl.store.aws.S3ObjectStore;
import io.sensoretl.store.local.LocalObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.io.LocalOutputFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Primes {@code compact} in two parts. The compaction itself (read staged Parquet, sort, write the
 * partition's new files, the newest readings, the catalog switch) runs through the handler on the
 * local stand-ins in a temporary directory that is deleted afterwards: its S3/Glue conversation is
 * too stateful to can. Then each AWS adapter the handler uses makes one call over canned HTTP, so
 * the SDK paths of S3 (list), Glue (BatchGetPartition) and DynamoDB (the lease's conditional put and
 * delete) are loaded and compiled too.
 */
public final class CompactPriming extends Priming {
    private static final String RUN = "run-priming";
    private static final String DT = "2024-03-01";

    @Override
    public String run() throws IOException {
        Path dir = Files.createTempDirectory("sensor-etl-priming-");
        try {
            LocalObjectStore blobs = new LocalObjectStore(dir.resolve("s3"));
            stage(dir.resolve("s3").resolve(CuratedLayout.stagingPrefix(RUN, DT)));
            String out = invoke(new CompactHandler(blobs, new LocalPartitionCatalog(dir),
                    CompactionConfig.defaults(dir.resolve("tmp")), PartitionLocks.NONE), "compact",
                    "{\"runId\":\"" + RUN + "\"}");
            primeAdapters();
            // the temporary directory is gone once this returns: do not hand out paths into it
            return out.replace(dir.toUri().toString(), "priming:///");
        } finally {
            deleteTree(dir);
        }
    }

    private static void stage(Path partition) throws IOException {
        Files.createDirectories(partition);
        long day = 1_709_251_200_000_000L;
        try (ParquetWriter<Reading> w = ParquetFiles.readingWriter(new LocalOutputFile(partition.resolve("chunk-00000.parquet")))) {
            for (int i = 0; i < 500; i++) {
                w.write(new Reading(String.format("sensor-%04d", (i * 7) % 50), day + (499 - i) * 1_000_000L,
                        i % 2 == 0 ? "temperature" : "humidity", 20 + i / 4.0, i % 2 == 0 ? "degC" : "percent",
                        i % 3 == 0 ? 45.5 : null, i % 3 == 0 ? 7.25 : null, i % 5 == 0 ? Map.of("site", "roof") : Map.of(),
                        "incoming/priming.ndjson", RUN));
            }
        }
    }

    private static void primeAdapters() throws IOException {
        CannedHttpClient s3Http = new CannedHttpClient(call -> {
            if (call.method().equals("GET") && call.hasQuery("list-type")) {
                return S3Answers.list(List.of(CuratedLayout.stagingPrefix(RUN, DT) + "chunk-00000.parquet"), 1024);
            }
            throw CannedHttpClient.unexpected(call, "compact");
        });
        CannedHttpClient glueHttp = new CannedHttpClient(call -> switch (call.operation()) {
            case "BatchGetPartition" -> new CannedHttpClient.Answer(200, Map.of("Content-Type", "application/x-amz-json-1.1"),
                    "{\"Partitions\":[],\"UnprocessedKeys\":[]}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            default -> throw CannedHttpClient.unexpected(call, "compact");
        });
        CannedHttpClient dynamoHttp = new CannedHttpClient(call -> switch (call.operation()) {
            case "PutItem", "DeleteItem" -> DynamoDbAnswers.empty();
            default -> throw CannedHttpClient.unexpected(call, "compact");
        });
        try (S3Client s3 = CannedClients.s3(s3Http);
                GlueClient glue = GlueClient.builder().httpClient(glueHttp).region(CannedClients.REGION)
                        .credentialsProvider(CannedClients.CREDENTIALS)
                        .overrideConfiguration(AwsClients.overrides(AwsClients.retries())).build();
                DynamoDbClient dynamo = DynamoDbAnswers.client(dynamoHttp)) {
            new S3ObjectStore(s3, "priming-data").list(CuratedLayout.stagingRoot(RUN));
            new GluePartitionCatalog(glue, "priming").partitions(CuratedTables.READINGS, List.of(DT));
            DynamoDbPartitionLocks locks = new DynamoDbPartitionLocks(dynamo, "priming-ledger", Clock.systemUTC());
            if (locks.tryLock("priming/" + DT, RUN, Duration.ofMinutes(1))) {
                locks.unlock("priming/" + DT, RUN);
            }
            requireCalls(s3Http, "S3");
            requireCalls(glueHttp, "Glue");
            requireCalls(dynamoHttp, "DynamoDB");
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the priming directory " + dir, e);
        }
    }
}
