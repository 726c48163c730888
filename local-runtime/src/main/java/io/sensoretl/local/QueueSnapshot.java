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
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A queue's messages as a JSON file: {@link #save()} reads every message (without deleting it) and
 * writes the bodies; {@link #restore()} sends them to a fresh queue. The file is replaced atomically.
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

    public void save() {
        List<String> bodies = DeadLetterQueue.peekAll(sqs, queueUrl).stream().map(Message::body).toList();
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), bodies);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the messages of " + queueUrl + " to " + file, e);
        }
    }

    public void restore() {
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
    }
}
