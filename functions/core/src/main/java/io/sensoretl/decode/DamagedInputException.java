package io.sensoretl.decode;

import io.sensoretl.reading.RejectReason;
import java.io.IOException;

/**
 * The bytes of a source object cannot be read past this point: a compressed stream is truncated or
 * corrupt, garbage follows its last member, or a document is not valid UTF-8. Readers keep what they
 * decoded before it and report the rest as one reject with {@link #reason()}; the message says where
 * and how many bytes are lost.
 */
public final class DamagedInputException extends IOException {
    private final RejectReason reason;
    private final long intactBytes;

    /** @param intactBytes how many (decompressed) bytes from the stream's start are known to be intact */
    public DamagedInputException(RejectReason reason, String message, long intactBytes) {
        super(message);
        this.reason = reason;
        this.intactBytes = intactBytes;
    }

    public RejectReason reason() {
        return reason;
    }

    /**
     * How many bytes from the start of the (decompressed) stream are known to be intact. For a corrupt
     * gzip member that is where the member's data begins, not where the damage was noticed: deflate data
     * has no checksum of its own, so a damaged member may decode to wrong bytes for a while before it
     * fails, and only the member's CRC-32 (at its end) tells. Everything before is from verified members.
     */
    public long intactBytes() {
        return intactBytes;
    }
}
