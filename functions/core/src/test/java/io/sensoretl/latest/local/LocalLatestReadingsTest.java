package io.sensoretl.latest.local;

import io.sensoretl.latest.LatestReadings;
import io.sensoretl.latest.LatestReadingsContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class LocalLatestReadingsTest extends LatestReadingsContract {
    @TempDir
    Path data;

    @Override
    protected LatestReadings newStore() {
        return new LocalLatestReadings(data);
    }
}
