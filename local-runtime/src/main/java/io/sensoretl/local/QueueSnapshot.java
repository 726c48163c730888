package io.sensoretl.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A queue's messages as the JSON array of bodies earlier versions of the local runtime saved when they
 * stopped ({@code sqs/<queue>.json}). The queue state now persists as it changes ({@link QueueServer});
 * a file left by an earlier version is moved into the queue once and renamed {@code <queue>.json.imported}.
 */
public final class QueueSnapshot {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final SqsClient sqs;
    private final String queueUrl;
    private final Path file;

    public QueueSnapshot(SqsClient sqs, String queueUrl, Path file) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.file = file;
    }

    /** Sends the saved messages to the queue, then renames the file so they are not sent again. */
    public void importOnce() {
        if (!Files.exists(file)) {
            return;
        }
        List<String> bodies;
        try {
            bodies = JSON.readValue(file.toFile(), new TypeReference<List<String>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the saved messages of " + queueUrl + " from " + file
                    + " (a JSON array of message bodies is expected)", e);
        }
        for (String body : bodies) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body));
        }
        try {
            Files.move(file, file.resolveSibling(file.getFileName() + ".imported"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("moved the saved messages of " + file + " into " + queueUrl
                    + " but cannot rename the file; rename it yourself so they are not sent twice", e);
        }
    }
}
