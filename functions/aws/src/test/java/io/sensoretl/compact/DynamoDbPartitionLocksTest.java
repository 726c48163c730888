package io.sensoretl.compact;

import io.sensoretl.aws.Backoff;
import io.sensoretl.compact.aws.DynamoDbPartitionLocks;
import io.sensoretl.ledger.aws.DynamoDbRunLedger;
import io.sensoretl.testing.Dynalite;
import io.sensoretl.testing.ManualClock;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbPartitionLocksTest extends PartitionLocksContract {
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static Dynalite dynalite;
    private static DynamoDbClient client;

    @BeforeAll
    static void startDynalite() throws Exception {
        dynalite = Dynalite.start();
        client = dynalite.client();
    }

    @AfterAll
    static void stopDynalite() throws Exception {
        if (client != null) {
            client.close();
        }
        if (dynalite != null) {
            dynalite.close();
        }
    }

    @Override
    PartitionLocks newLocks(ManualClock clock) {
        String table = "ledger-" + TABLES.incrementAndGet();
        DynamoDbRunLedger.createTable(client, table);
        return new DynamoDbPartitionLocks(client, table, clock, Backoff.standard());
    }
}
