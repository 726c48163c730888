package io.sensoretl.asl.services;

import com.fasterxml.jackson.databind.JsonNode;

/** Where arn:aws:states:::sqs:sendMessage delivers; implement over SQS, an embedded queue or a list. */
public interface MessageQueue {
    /** @return the message id */
    String send(String queueUrl, String body, JsonNode attributes);
}
