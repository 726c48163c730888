package io.sensoretl.cost;

/** A cost-model input (prices, assumptions, benchmark, request) that is missing or invalid. */
public final class CostInputException extends RuntimeException {
    public CostInputException(String message) {
        super(message);
    }
}
