package io.sensoretl.asl.task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.errors.StatesErrorName;
import io.sensoretl.asl.json.Json;
import io.sensoretl.asl.services.MessageQueue;
import io.sensoretl.asl.services.TaskRequest;
import io.sensoretl.asl.services.TaskResource;
import java.nio.charset.StandardCharsets;

/** arn:aws:states:::sqs:sendMessage bound to a MessageQueue; the result mirrors SQS SendMessage. */
public final class SqsSendMessageIntegration implements TaskResource {
    public static final String RESOURCE = "arn:aws:states:::sqs:sendMessage";
    private final MessageQueue queue;

    public SqsSendMessageIntegration(MessageQueue queue) {
        this.queue = queue;
    }

    @Override
    public boolean handles(String resource) {
        return resource.equals(RESOURCE);
    }

    @Override
    public JsonNode invoke(TaskRequest request) {
        JsonNode p = request.parameters();
        if (p == null || !p.path("QueueUrl").isTextual() || !p.has("MessageBody")) {
            throw new FailureException(StatesErrorName.RUNTIME,
                    RESOURCE + " in state '" + request.stateName() + "' needs QueueUrl and MessageBody");
        }
        JsonNode body = p.get("MessageBody");
        String text = body.isTextual() ? body.textValue() : Json.write(body);
        String id = queue.send(p.get("QueueUrl").textValue(), text, p.get("MessageAttributes"));
        ObjectNode out = Json.object();
        out.put("MD5OfMessageBody", Md5.hex(text.getBytes(StandardCharsets.UTF_8)));
        out.put("MessageId", id);
        // AWS adds the HTTP details of the SQS response; kept in the same shape so OutputPath/ResultSelector work alike
        ObjectNode http = out.putObject("SdkHttpMetadata");
        http.putObject("HttpHeaders").put("Content-Type", "text/xml");
        http.put("HttpStatusCode", 200);
        out.putObject("SdkResponseMetadata").put("RequestId", id);
        return out;
    }
}
