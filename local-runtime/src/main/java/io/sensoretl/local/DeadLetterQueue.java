package io.sensoretl.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** The dead-letter queue of chunks, over SQS: read, take out, put back. */
public final class DeadLetterQueue {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** Long enough for a redrive of many chunks: nobody else sees them meanwhile. */
    private static final int TAKE_SECONDS = 3600;
    /** Long enough to read the whole queue without seeing a message twice. */
    private static final int PEEK_SECONDS = 120;
    private final SqsClient sqs;
    private final String queueUrl;

    public DeadLetterQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** Every dead-lettered chunk, left in the queue; ordered by run and chunk. */
    public List<DeadLetter> list() {
        return parse(peekAll(sqs, queueUrl));
    }

    /** Every dead-lettered chunk, hidden from other readers until {@link #delete} or {@link #release}. */
    public List<DeadLetter> take() {
        List<Message> messages = receiveAll(sqs, queueUrl, TAKE_SECONDS);
        try {
            return parse(messages);
        } catch (RuntimeException e) {
            release(sqs, queueUrl, messages);
            throw e;
        }
    }

    public void delete(DeadLetter letter) {
        sqs.deleteMessage(b -> b.queueUrl(queueUrl).receiptHandle(letter.receiptHandle()));
    }

    public void release(List<DeadLetter> letters) {
        for (DeadLetter l : letters) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(l.receiptHandle()).visibilityTimeout(0));
        }
    }

    /** Every message currently visible, left in the queue (visible again at once). */
    static List<Message> peekAll(SqsClient sqs, String queueUrl) {
        List<Message> all = receiveAll(sqs, queueUrl, PEEK_SECONDS);
        release(sqs, queueUrl, all);
        return all;
    }

    /** Every message currently visible, now hidden from other readers for {@code seconds}: release or delete them. */
    static List<Message> receiveAll(SqsClient sqs, String queueUrl, int seconds) {
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

    static void release(SqsClient sqs, String queueUrl, List<Message> messages) {
        for (Message m : messages) {
            sqs.changeMessageVisibility(b -> b.queueUrl(queueUrl).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
        }
    }

    private static java.time.Instant sentAt(Message m) {
        String millis = m.attributes().get(software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName.SENT_TIMESTAMP);
        try {
            return millis == null ? null : java.time.Instant.ofEpochMilli(Long.parseLong(millis));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private List<DeadLetter> parse(List<Message> messages) {
        List<DeadLetter> out = new ArrayList<>();
        for (Message m : messages) {
            out.add(DeadLetter.parse(m.messageId(), m.receiptHandle(), m.body(), sentAt(m), JSON));
        }
        out.sort(Comparator.comparing(DeadLetter::runId).thenComparingInt(DeadLetter::chunk));
        return out;
    }
}
