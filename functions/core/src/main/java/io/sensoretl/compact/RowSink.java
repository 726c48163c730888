package io.sensoretl.compact;

import io.sensoretl.reading.ReadingBatch;
import java.io.IOException;

/** Receives rows one at a time, by position in a batch (which stays valid only during the call). */
@FunctionalInterface
interface RowSink {
    /** @param input index of the merge input the row comes from */
    void accept(ReadingBatch batch, int row, int input) throws IOException;
}
