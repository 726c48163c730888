package io.sensoretl.ledger.local;

import io.sensoretl.ledger.RunLedger;
import io.sensoretl.ledger.RunLedgerContract;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class LocalRunLedgerTest extends RunLedgerContract {
    @TempDir
    Path data;

    @Override
    protected RunLedger newLedger(ManualClock clock, Duration staleAfter) {
        return new LocalRunLedger(data, clock, staleAfter);
    }
}
