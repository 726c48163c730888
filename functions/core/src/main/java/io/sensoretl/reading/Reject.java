package io.sensoretl.reading;

import java.util.Objects;

/**
 * A source record that could not become a reading, kept so nothing is lost silently.
 *
 * @param byteOffset offset of the record's first byte in the (decompressed) source object
 * @param reason     the stable reason code ({@link RejectReason})
 * @param detail     a human explanation naming the field and what was expected
 * @param raw        the record's text, truncated to a bound
 */
public record Reject(String sourceKey, long byteOffset, RejectReason reason, String detail, String raw, String runId) {
    public Reject {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(runId, "runId");
        detail = detail == null ? "" : detail;
        raw = raw == null ? "" : raw;
    }
}
