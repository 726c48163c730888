package io.sensoretl.ledger.aws;

import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunLedgerContract;
import io.sensoretl.testing.DynaliteTables;
import io.sensoretl.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbRunLedgerTest extends RunLedgerContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    @Override
    protected RunLedger newLedger(ManualClock clock, Duration staleAfter) {
        return new DynamoDbRunLedger(DYNAMO.client(), DYNAMO.newLedgerTable("runs"), clock, staleAfter);
    }
}
