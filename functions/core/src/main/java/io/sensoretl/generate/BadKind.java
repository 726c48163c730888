package io.sensoretl.generate;

import io.sensoretl.reading.RejectReason;

/**
 * The kinds of bad record the generator writes, each with the reject reason the default contract
 * must give it and a relative weight (very long lines are rare and large, so they are kept few).
 */
enum BadKind {
    MALFORMED_JSON(RejectReason.MALFORMED_JSON, 10),
    MISSING_FIELD(RejectReason.MISSING_FIELD, 10),
    WRONG_TYPE(RejectReason.WRONG_TYPE, 10),
    UNPARSEABLE_TIMESTAMP(RejectReason.UNPARSEABLE_TIMESTAMP, 10),
    OUT_OF_RANGE(RejectReason.OUT_OF_RANGE, 10),
    UNKNOWN_UNIT(RejectReason.UNKNOWN_UNIT, 10),
    UNKNOWN_METRIC(RejectReason.UNKNOWN_METRIC, 10),
    DUPLICATE(RejectReason.DUPLICATE, 10),
    NOT_FINITE(RejectReason.NOT_FINITE, 10),
    MISSING_VALUE(RejectReason.MISSING_VALUE, 10),
    DUPLICATE_KEY(RejectReason.DUPLICATE_KEY, 10),
    INVALID_COORDINATE(RejectReason.INVALID_COORDINATE, 10),
    INVALID_ENCODING(RejectReason.INVALID_ENCODING, 10),
    TOO_LONG(RejectReason.TOO_LONG, 1);

    final RejectReason reason;
    final int weight;

    BadKind(RejectReason reason, int weight) {
        this.reason = reason;
        this.weight = weight;
    }
}
