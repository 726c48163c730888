package io.sensoretl.local;

import io.sensoretl.chunk.SourceVersion;
import io.sensoretl.ledger.RunRecord;
import io.sensoretl.ledger.RunState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * What `serve` polls: objects under {@code incoming/} of the source bucket that should start a run,
 * i.e. whose version (key + ETag) the ledger has not seen succeed or start, and that this watcher
 * has not offered before (a failed upload is offered once; uploading it again offers it again).
 *
 * <p>An upload still being written is skipped until it is complete: the local S3 writes an object to
 * a file beside its final name and lists that file, without an ETag, until the write (a long PUT, or
 * the assembly of a multipart upload) ends. An object that cannot be judged (e.g. the ledger cannot be
 * read) is reported as a {@link Problem} once per version, and the others are still offered: nothing
 * one object does stops the watcher.
 */
public final class UploadWatcher {
    public record Upload(String bucket, String key, String etag, long size) {
        public String describe() {
            return "s3://" + bucket + "/" + key + " (ETag " + etag + ")";
        }
    }

    /** An object the watcher could not judge, or a listing that failed; {@code problem} is one line. */
    public record Problem(String source, String problem) {}

    /** @param uploads complete new uploads to run, in key order */
    public record Poll(List<Upload> uploads, List<Problem> problems) {}

    private final S3Client s3;
    private final Function<SourceVersion, Optional<RunRecord>> ledger;
    private final Set<String> offered = new HashSet<>();
    private String listingFailed;

    /** @param ledger the run ledger's lookup ({@code RunLedger::get}) */
    public UploadWatcher(S3Client s3, Function<SourceVersion, Optional<RunRecord>> ledger) {
        this.s3 = s3;
        this.ledger = ledger;
    }

    public Poll poll() {
        List<Upload> fresh = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<S3Object> listed;
        try {
            listed = s3.listObjectsV2Paginator(b -> b.bucket(DataDir.SOURCE_BUCKET).prefix(DataDir.UPLOAD_PREFIX))
                    .contents().stream().toList();
        } catch (RuntimeException e) {
            String source = "s3://" + DataDir.SOURCE_BUCKET + "/" + DataDir.UPLOAD_PREFIX;
            String problem = oneLine(e);
            // said once until the listing works again, not at every poll
            if (!problem.equals(listingFailed)) {
                problems.add(new Problem(source, "cannot list the uploads: " + problem));
            }
            listingFailed = problem;
            return new Poll(fresh, problems);
        }
        listingFailed = null;
        for (S3Object o : listed) {
            if (o.key().endsWith("/") || o.eTag() == null) {
                continue; // a folder marker, or an upload still being written
            }
            String version = o.key() + "@" + o.eTag();
            if (offered.contains(version)) {
                continue;
            }
            try {
                offer(o).ifPresent(fresh::add);
                offered.add(version);
            } catch (RuntimeException e) {
                offered.add(version);
                problems.add(new Problem("s3://" + DataDir.SOURCE_BUCKET + "/" + o.key() + " (ETag " + o.eTag().replace("\"", "")
                        + ")", oneLine(e)));
            }
        }
        return new Poll(fresh, problems);
    }

    /** The upload to run, if the ledger has not seen it and it is still there as listed. */
    private Optional<Upload> offer(S3Object o) {
        SourceVersion key = new SourceVersion(DataDir.SOURCE_BUCKET, o.key(), o.eTag());
        Optional<RunRecord> known = ledger.apply(key);
        if (known.isPresent() && known.get().state() != RunState.FAILED) {
            return Optional.empty();
        }
        HeadObjectResponse head;
        try {
            head = s3.headObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(o.key()));
        } catch (NoSuchKeyException gone) {
            // listed, then deleted or renamed (an upload's file moving to its final name): nothing to run
            return Optional.empty();
        }
        if (!key.equals(new SourceVersion(DataDir.SOURCE_BUCKET, o.key(), head.eTag()))) {
            return Optional.empty(); // replaced meanwhile: the new version is offered at the next poll
        }
        return Optional.of(new Upload(DataDir.SOURCE_BUCKET, o.key(), key.etag(), head.contentLength()));
    }

    /** An exception as one line: its message (or type) with line breaks folded. */
    public static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
