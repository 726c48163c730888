package io.sensoretl.asl.map;

/** Reading items failed; becomes States.ItemReaderFailed with this message as cause. */
public final class ItemReaderFailure extends RuntimeException {
    public ItemReaderFailure(String message) {
        super(message);
    }
}
