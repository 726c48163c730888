package io.sensoretl.latest;

import io.sensoretl.latest.local.LocalLatestReadings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalLatestReadingsTest extends LatestReadingsContract {
    @TempDir
    Path data;

    @Override
    LatestReadings newStore() {
        return new LocalLatestReadings(data);
    }
}
