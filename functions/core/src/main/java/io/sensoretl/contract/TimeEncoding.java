package io.sensoretl.contract;

/** How a timestamp is written in the dump. */
public enum TimeEncoding {
    /** ISO-8601 date-time; with an offset or Z it is absolute, without one the contract's zone applies. */
    ISO8601,
    /** A java.time pattern (the timestamp fields joined by one space), read in the contract's zone. */
    PATTERN,
    EPOCH_SECONDS,
    EPOCH_MILLIS,
    EPOCH_MICROS
}
