package io.sensoretl.local;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stand-ins for the AWS services the workflow uses, up and provisioned: S3 with the
 * source and data buckets, SQS with the dead-letter queue. Closing saves the queues and stops both.
 */
public final class LocalServices implements AutoCloseable {
    private final DataDir dataDir;
    private final LocalS3 s3;
    private final LocalSqs sqs;
    private final String deadLetterQueueUrl;

    private LocalServices(DataDir dataDir, LocalS3 s3, LocalSqs sqs) {
        this.dataDir = dataDir;
        this.s3 = s3;
        this.sqs = sqs;
        s3.ensureBucket(DataDir.SOURCE_BUCKET);
        s3.ensureBucket(DataDir.DATA_BUCKET);
        this.deadLetterQueueUrl = sqs.ensureQueue(DataDir.DLQ_NAME);
    }

    /** @param s3Port  0 for any free port
     *  @param sqsPort 0 for any free port */
    public static LocalServices start(DataDir dataDir, int s3Port, int sqsPort) {
        // both servers take seconds to start on a busy machine: start them side by side
        CompletableFuture<LocalSqs> sqsStart = CompletableFuture.supplyAsync(() -> LocalSqs.start(dataDir.sqs(), sqsPort));
        LocalS3 s3;
        try {
            s3 = LocalS3.start(dataDir.s3(), s3Port);
        } catch (RuntimeException e) {
            sqsStart.thenAccept(LocalSqs::close);
            throw e;
        }
        LocalSqs sqs;
        try {
            sqs = sqsStart.join();
        } catch (CompletionException e) {
            s3.close();
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        try {
            return new LocalServices(dataDir, s3, sqs);
        } catch (RuntimeException e) {
            sqs.close();
            s3.close();
            throw e;
        }
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public S3Client s3() {
        return s3.client();
    }

    public SqsClient sqs() {
        return sqs.client();
    }

    public LocalS3 s3Endpoint() {
        return s3;
    }

    public LocalSqs sqsEndpoint() {
        return sqs;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    /** Saves the queues now (they are saved on close too). */
    public void persistQueues() {
        sqs.snapshot();
    }

    @Override
    public void close() {
        try {
            sqs.close();
        } finally {
            s3.close();
        }
    }
}
