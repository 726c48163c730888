package io.sensoretl.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * A queue's messages as a JSON file: {@link #save()} reads every message (without deleting it) and
 * writes the bodies; {@link #restore()} sends them to a fresh queue. The file is replaced atomically.
 */
public final class QueueSnapshot {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Long enough to read the whole queue without seeing a message twice. */
    private static final int PEEK_SECONDS = 120;

    private final SqsClient sqs;
    private final String queueUrl;
    private final Path file;

    public QueueSnapshot(SqsClient sqs, String queueUrl, Path file) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.file = file;
    }

    /** Every message currently visible, left in the queue (visible again at once). */
    public static List<Message> peekAll(SqsClient sqs, String queueUrl) {
        List<Message> all = receiveAll(sqs, queueUrl);
        release(sqs, queueUrl, all);
        return all;
    }

    /** Every message currently visible, now invisible for a while to other readers: release or delete them. */
    public static List<Message> receiveAll(SqsClient sqs, String queueUrl) {
        return receiveAll(sqs, queueUrl, PEEK_SECONDS);
    }

    /** As {@link #receiveAll(SqsClient, String)}, hidden for {@code seconds}. */
    public static List<Message> receiveAll(SqsClient sqs, String queueUrl, int seconds) {
        List<Message> all = new ArrayList<>();
        while (true) {
            List<Message> batch = sqs.receiveMessage(b -> b.queueUrl(queueUrl).maxNumberOfMessages(10)
                    .visibilityTimeout(seconds).waitTimeSeconds(0)
                    .messageSystemAttributeNamesWithStrings("All")).messages();
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
        }
    }

    public static void release(SqsClient sqs, String queueUrl, List<Message> messages) {
        for (Message m : messages) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
    }

    public void save() {
        List<String> bodies = peekAll(sqs, queueUrl).stream().map(Message::body).toList();
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
