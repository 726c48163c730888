package io.sensoretl.local;

import java.nio.file.Path;

/**
 * A second process using a data dir's queue state while the test uses it too: starts the local
 * services on {@code args[0]}, dead-letters one message {@code args[1]}, prints {@code ready <message id>},
 * and keeps everything open until its standard input ends.
 */
public final class HoldQueueState {
    private HoldQueueState() {}

    public static void main(String[] args) throws Exception {
        try (LocalServices stack = LocalServices.start(new DataDir(Path.of(args[0])), 0, 0)) {
            String id = stack.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl()).messageBody(args[1])).messageId();
            System.out.println("ready " + id);
            System.out.flush();
            while (System.in.read() != -1) {
                // hold until the test closes our input
            }
        }
    }
}
