package io.sensoretl.contract;

/** A linear conversion {@code to = from * scale + offset}, e.g. degF to degC: scale 5/9, offset -160/9. */
public record UnitConversion(String from, String to, double scale, double offset) {
    public double apply(double value) {
        return value * scale + offset;
    }
}
