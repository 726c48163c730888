package io.sensoretl.telemetry;

/** CloudWatch metric units used by the pipeline (the exact strings EMF expects). */
public enum Unit {
    COUNT("Count"),
    BYTES("Bytes"),
    MILLISECONDS("Milliseconds");

    private final String emfName;

    Unit(String emfName) {
        this.emfName = emfName;
    }

    public String emfName() {
        return emfName;
    }
}
