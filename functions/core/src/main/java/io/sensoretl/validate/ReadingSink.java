package io.sensoretl.validate;

import io.sensoretl.reading.Reading;
import io.sensoretl.reading.RejectReason;

/** Receives what one source record turned into: valid readings and rejected candidates. */
public interface ReadingSink {
    void reading(Reading reading);

    /** One candidate reading (or the whole record) of the current source record was rejected. */
    void reject(RejectReason reason, String detail);
}
