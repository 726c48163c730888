package io.sensoretl.local;

import io.sensoretl.ledger.RunKey;
import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What `serve` polls: objects under {@code incoming/} of the source bucket that should start a run,
 * i.e. whose version (key + ETag) the ledger has not seen succeed or start, and that this watcher
 * has not offered before (a failed upload is offered once; uploading it again offers it again).
 */
public final class UploadWatcher {
    public record Upload(String bucket, String key, String etag, long size) {}

    private final S3Client s3;
    private final RunLedger ledger;
    private final Set<String> offered = new HashSet<>();

    public UploadWatcher(S3Client s3, RunLedger ledger) {
        this.s3 = s3;
        this.ledger = ledger;
    }

    public List<Upload> poll() {
        List<Upload> fresh = new ArrayList<>();
        for (S3Object o : s3.listObjectsV2Paginator(b -> b.bucket(DataDir.SOURCE_BUCKET).prefix(DataDir.UPLOAD_PREFIX)).contents()) {
            if (o.key().endsWith("/")) {
                continue;
            }
            RunKey key = new RunKey(DataDir.SOURCE_BUCKET, o.key(), o.eTag());
            if (!offered.add(key.bucket() + "/" + key.key() + "@" + key.etag())) {
                continue;
            }
            Optional<RunRecord> known = ledger.get(key);
            if (known.isPresent() && known.get().state() != RunState.FAILED) {
                continue;
            }
            fresh.add(new Upload(DataDir.SOURCE_BUCKET, o.key(), key.etag(), o.size()));
        }
        return fresh;
    }
}
