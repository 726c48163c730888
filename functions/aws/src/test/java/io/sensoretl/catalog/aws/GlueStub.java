package io.sensoretl.catalog.aws;

import io.sensoretl.testing.AwsJsonStub;
import java.io.IOException;
import software.amazon.awssdk.services.glue.GlueClient;

/** A Glue endpoint that records the requests the SDK sends and answers with canned Glue JSON. */
final class GlueStub extends AwsJsonStub<GlueStub> {
    GlueStub() throws IOException {
        super();
    }

    GlueClient client() {
        return client(GlueClient.builder());
    }

    /** A client configured as the compact function's, with {@code retries}. */
    GlueClient client(io.sensoretl.aws.AwsRetries retries) {
        return client(GlueClient.builder(), retries);
    }
}
