package io.sensoretl.local;

import io.sensoretl.aws.S3Clients;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The local stand-ins for the AWS services the workflow uses, up and provisioned: S3 with the source
 * and data buckets, SQS with the dead-letter queue. This is the one place that starts and stops them.
 *
 * <p>A data dir has one set of endpoints at a time: while {@code serve} runs ({@link #serve}), every
 * other command uses serve's endpoints ({@link #open} attaches to them), so serve, {@code dlq}, {@code
 * run} and the AWS CLI see the same queue; otherwise a command starts its own ({@link #start}).
 * Closing stops what this stack started; an attached stack only closes its clients.
 */
public final class LocalServices implements AutoCloseable {
    private final DataDir dataDir;
    private final LocalS3 s3Server;
    private final LocalSqs sqsServer;
    private final S3Client s3;
    private final SqsClient sqs;
    private final URI s3Endpoint;
    private final URI sqsEndpoint;
    private final String deadLetterQueueUrl;
    private final ServeRegistration.Endpoints attachedTo;
    private ServeRegistration registration;
    private boolean closed;

    /** Our own servers. */
    private LocalServices(DataDir dataDir, LocalS3 s3, LocalSqs sqs) {
        this.dataDir = dataDir;
        this.s3Server = s3;
        this.sqsServer = sqs;
        this.s3 = s3.client();
        this.sqs = sqs.client();
        this.s3Endpoint = s3.endpoint();
        this.sqsEndpoint = sqs.endpoint();
        this.attachedTo = null;
        s3.ensureBucket(DataDir.SOURCE_BUCKET);
        s3.ensureBucket(DataDir.DATA_BUCKET);
        this.deadLetterQueueUrl = sqs.ensureQueue(DataDir.DLQ_NAME);
    }

    /** Clients of a running serve's endpoints (which provisioned the buckets and queue). */
    private LocalServices(DataDir dataDir, ServeRegistration.Endpoints serve) {
        this.dataDir = dataDir;
        this.s3Server = null;
        this.sqsServer = null;
        this.s3 = S3Clients.forEndpoint(serve.s3(), LocalS3.ACCESS_KEY, LocalS3.SECRET_KEY);
        this.sqs = LocalSqs.client(serve.sqs());
        this.s3Endpoint = serve.s3();
        this.sqsEndpoint = serve.sqs();
        this.attachedTo = serve;
        this.deadLetterQueueUrl = serve.deadLetterQueueUrl();
    }

    /**
     * Starts the local services of this data dir in this process.
     *
     * @param s3Port  0 for any free port
     * @param sqsPort 0 for any free port
     */
    public static LocalServices start(DataDir dataDir, int s3Port, int sqsPort) {
        return start(dataDir, BindHost.LOOPBACK, s3Port, sqsPort);
    }

    /** The same listening on {@code bind} instead of loopback. */
    public static LocalServices start(DataDir dataDir, BindHost bind, int s3Port, int sqsPort) {
        // both servers take seconds to start on a busy machine: start them side by side
        CompletableFuture<LocalSqs> sqsStart = CompletableFuture.supplyAsync(() -> LocalSqs.start(dataDir.sqs(), bind, sqsPort));
        LocalS3 s3;
        try {
            s3 = LocalS3.start(dataDir.s3(), bind, s3Port);
        } catch (RuntimeException e) {
            // stop the queue server before reporting: it holds the data dir's queue state
            try {
                sqsStart.join().close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
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

    /**
     * The endpoints of the {@code serve} running on this data dir if there is one (the ports asked for
     * are then ignored), else the local services started in this process.
     */
    public static LocalServices open(DataDir dataDir, int s3Port, int sqsPort) {
        Optional<ServeRegistration.Endpoints> serve = ServeRegistration.live(dataDir);
        return serve.isPresent() ? new LocalServices(dataDir, serve.get()) : start(dataDir, s3Port, sqsPort);
    }

    /**
     * Starts the local services for {@code serve} and publishes their endpoints to the other commands
     * until closed. Refused while another serve runs on this data dir.
     */
    public static LocalServices serve(DataDir dataDir, int s3Port, int sqsPort) {
        return serve(dataDir, BindHost.LOOPBACK, s3Port, sqsPort);
    }

    /** The same listening on {@code bind} (serve --host). */
    public static LocalServices serve(DataDir dataDir, BindHost bind, int s3Port, int sqsPort) {
        ServeRegistration registration = ServeRegistration.claim(dataDir);
        LocalServices stack;
        try {
            stack = start(dataDir, bind, s3Port, sqsPort);
        } catch (RuntimeException e) {
            registration.close();
            throw e;
        }
        stack.registration = registration;
        try {
            registration.publish(stack.s3Endpoint, stack.sqsEndpoint, stack.deadLetterQueueUrl);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public DataDir dataDir() {
        return dataDir;
    }

    public S3Client s3() {
        return s3;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public URI s3Endpoint() {
        return s3Endpoint;
    }

    public URI sqsEndpoint() {
        return sqsEndpoint;
    }

    public String deadLetterQueueUrl() {
        return deadLetterQueueUrl;
    }

    /** The serve whose endpoints this stack uses, if it did not start its own. */
    public Optional<ServeRegistration.Endpoints> attachedTo() {
        return Optional.ofNullable(attachedTo);
    }

    /** Idempotent: serve's shutdown hook and its main thread may both close it. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (registration != null) {
                registration.close();
            }
        } finally {
            if (attachedTo != null) {
                s3.close();
                sqs.close();
            } else {
                try {
                    sqsServer.close();
                } finally {
                    s3Server.close();
                }
            }
        }
    }
}
