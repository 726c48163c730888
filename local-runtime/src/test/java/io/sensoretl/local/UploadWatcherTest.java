package io.sensoretl.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.ledger.local.LocalRunLedger;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What serve polls for: complete new uploads under incoming/, each version offered once. */
class UploadWatcherTest {
    @TempDir
    Path dir;

    @Test
    void anUploadStillBeingWrittenIsSkippedUntilItIsCompleteThenOfferedOnce() throws Exception {
        DataDir data = new DataDir(dir);
        ByteArrayOutputStream dump = new ByteArrayOutputStream();
        new DumpGenerator(1, 0.0, 5).writeRecords(dump, 20_000);
        try (LocalS3 s3 = LocalS3.start(data.s3(), 0)) {
            s3.ensureBucket(DataDir.SOURCE_BUCKET);
            UploadWatcher watcher = new UploadWatcher(s3.client(),
                    new LocalRunLedger(data.stores(), Clock.systemUTC(), Duration.ofHours(6))::get);
            SlowUpload upload = SlowUpload.start(s3.client(), DataDir.SOURCE_BUCKET, "incoming/big.ndjson", dump.toByteArray());
            upload.awaitInFlight(s3.client(), DataDir.SOURCE_BUCKET, DataDir.UPLOAD_PREFIX);

            UploadWatcher.Poll inFlight = watcher.poll();
            assertThat(inFlight.uploads()).as("an object without an ETag is still being written").isEmpty();
            assertThat(inFlight.problems()).isEmpty();

            String etag = upload.finish();
            UploadWatcher.Poll complete = watcher.poll();
            assertThat(complete.problems()).isEmpty();
            assertThat(complete.uploads()).singleElement().satisfies(u -> {
                assertThat(u.key()).isEqualTo("incoming/big.ndjson");
                assertThat(u.etag()).isEqualTo(etag.replace("\"", ""));
                assertThat(u.size()).isEqualTo(dump.size());
            });
            assertThat(watcher.poll().uploads()).as("offered once").isEmpty();
        }
    }

    @Test
    void anObjectTheWatcherCannotJudgeIsAProblemNamingItAndTheOthersAreStillOffered() throws Exception {
        DataDir data = new DataDir(dir);
        try (LocalS3 s3 = LocalS3.start(data.s3(), 0)) {
            s3.ensureBucket(DataDir.SOURCE_BUCKET);
            s3.client().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/a.ndjson"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("{}\n"));
            s3.client().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key("incoming/b.ndjson"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("{}\n{}\n"));
            LocalRunLedger ledger = new LocalRunLedger(data.stores(), Clock.systemUTC(), Duration.ofHours(6));
            UploadWatcher watcher = new UploadWatcher(s3.client(), key -> {
                if (key.key().endsWith("a.ndjson")) {
                    throw new IllegalStateException("cannot read the ledger\n at line 1");
                }
                return ledger.get(key);
            });

            UploadWatcher.Poll poll = watcher.poll();
            assertThat(poll.uploads()).extracting(UploadWatcher.Upload::key).containsExactly("incoming/b.ndjson");
            assertThat(poll.problems()).singleElement().satisfies(p -> {
                assertThat(p.source()).startsWith("s3://sensor-etl-source/incoming/a.ndjson (ETag ");
                assertThat(p.problem()).isEqualTo("cannot read the ledger at line 1");
            });
            assertThat(watcher.poll().problems()).as("reported once per upload version").isEmpty();
        }
    }
}
