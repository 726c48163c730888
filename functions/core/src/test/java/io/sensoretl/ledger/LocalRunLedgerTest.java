package io.sensoretl.ledger;

import io.sensoretl.ledger.local.LocalRunLedger;
import io.sensoretl.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

class LocalRunLedgerTest extends RunLedgerContract {
    @TempDir
    Path data;

    @Override
    RunLedger newLedger(ManualClock clock, Duration staleAfter) {
        return new LocalRunLedger(data, clock, staleAfter);
    }
}
