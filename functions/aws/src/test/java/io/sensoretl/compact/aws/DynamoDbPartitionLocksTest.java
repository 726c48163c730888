package io.sensoretl.compact.aws;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.PartitionLocksContract;
import io.sensoretl.testing.Dynalite;
import io.sensoretl.testing.DynamoDbTables;
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
    protected PartitionLocks newLocks(ManualClock clock, io.sensoretl.ledger.ExecutionLiveness executions) {
        String table = "ledger-" + TABLES.incrementAndGet();
        DynamoDbTables.ledger(client, table);
        return new DynamoDbPartitionLocks(client, table, clock, executions);
    }
}
