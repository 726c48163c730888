package io.sensoretl.query;

import io.sensoretl.testing.AwsJsonStub;
import java.io.IOException;
import software.amazon.awssdk.services.athena.AthenaClient;

/** An Athena endpoint that records the requests the SDK sends and answers with canned Athena JSON. */
final class AthenaStub extends AwsJsonStub<AthenaStub> {
    AthenaStub() throws IOException {
        super();
    }

    /** GetQueryExecution answered with {@code state} (and, when it ends, the statistics). */
    AthenaStub state(String id, String state) {
        return answer("GetQueryExecution", "{\"QueryExecution\":{\"QueryExecutionId\":\"" + id + "\",\"StatementType\":\"DML\","
                + "\"Status\":{\"State\":\"" + state + "\"},\"Statistics\":{\"DataScannedInBytes\":123456}}}");
    }

    AthenaClient client() {
        return client(AthenaClient.builder());
    }
}
