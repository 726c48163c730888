package io.sensoretl.contract;

/** Whether one source record holds one reading (long) or one reading per listed value column (wide). */
public enum Shape {
    LONG,
    WIDE
}
