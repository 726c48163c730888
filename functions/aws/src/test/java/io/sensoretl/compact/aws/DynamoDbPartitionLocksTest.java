package io.sensoretl.compact.aws;

import io.sensoretl.compact.PartitionLocks;
import io.sensoretl.compact.PartitionLocksContract;
import io.sensoretl.testing.DynaliteTables;
import io.sensoretl.testing.ManualClock;
import org.junit.jupiter.api.extension.RegisterExtension;

class DynamoDbPartitionLocksTest extends PartitionLocksContract {
    @RegisterExtension
    static final DynaliteTables DYNAMO = new DynaliteTables();

    @Override
    protected PartitionLocks newLocks(ManualClock clock, io.sensoretl.ledger.ExecutionLiveness executions) {
        return new DynamoDbPartitionLocks(DYNAMO.client(), DYNAMO.newLedgerTable("ledger"), clock, executions);
    }
}
