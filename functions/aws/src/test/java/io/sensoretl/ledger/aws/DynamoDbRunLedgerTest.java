package io.sensoretl.ledger.aws;

import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunLedgerContract;
import io.sensoretl.testing.Dynalite;
import io.sensoretl.testing.DynamoDbTables;
import io.sensoretl.testing.ManualClock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoDbRunLedgerTest extends RunLedgerContract {
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
    protected RunLedger newLedger(ManualClock clock, Duration staleAfter) {
        String table = "runs-" + TABLES.incrementAndGet();
        DynamoDbTables.ledger(client, table);
        return new DynamoDbRunLedger(client, table, clock, staleAfter);
    }
}
