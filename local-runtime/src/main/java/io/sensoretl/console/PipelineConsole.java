package io.sensoretl.console;

import io.sensoretl.local.DeadLetter;
import io.sensoretl.local.DeadLetterQueue;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.local.LocalFunctions;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.Redrive;
import java.time.Clock;
import java.util.List;

/**
 * What the console shows of serve's pipeline beyond its executions: which state machine is the pipeline, its
 * dead-letter queue and the redrive of it ({@code ./sensor-etl dlq list|redrive}). Only {@code serve --sfn-port}
 * has one; {@code states serve} has no pipeline and its console shows none of these pages.
 */
public interface PipelineConsole {
    /** The ARN the pipeline's state machine is shown under. */
    String stateMachineArn();

    /** Every dead-lettered chunk, left in the queue (as {@code dlq list}). */
    List<DeadLetter> deadLetters();

    /** Transforms every dead-lettered chunk again and republishes its run (as {@code dlq redrive}). */
    Redrive.Report redrive();

    /** The pipeline on serve's local services: its queue, and redrives with the real handlers. */
    static PipelineConsole of(LocalServices stack, String stateMachineArn, Clock clock) {
        DeadLetterQueue queue = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl());
        return new PipelineConsole() {
            @Override
            public String stateMachineArn() {
                return stateMachineArn;
            }

            @Override
            public List<DeadLetter> deadLetters() {
                return queue.list();
            }

            @Override
            public synchronized Redrive.Report redrive() {
                // one at a time: a second click waits and then finds what the first left in the queue
                return new Redrive(new LocalFunctions(stack, clock), HandlerDecorator.NONE, queue).run();
            }
        };
    }
}
