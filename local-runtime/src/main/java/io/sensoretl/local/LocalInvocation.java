package io.sensoretl.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sensoretl.lambda.local.LocalContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/** Invokes a function directly through its Lambda stream interface (for steps outside the state machine). */
public final class LocalInvocation {
    private LocalInvocation() {}

    public static JsonNode invoke(RequestStreamHandler handler, String functionName, JsonNode event, ObjectMapper mapper)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(mapper.writeValueAsBytes(event)), out, new LocalContext(functionName));
        return mapper.readTree(out.toByteArray());
    }
}
