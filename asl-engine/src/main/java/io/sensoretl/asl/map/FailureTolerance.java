package io.sensoretl.asl.map;

/**
 * ToleratedFailureCount / ToleratedFailurePercentage of a Distributed Map. Without either, one
 * failed item fails the run; with both, breaching either one does.
 */
public record FailureTolerance(Long count, Double percentage) {

    public boolean exceeded(int failed, int total) {
        if (failed == 0) {
            return false;
        }
        if (count == null && percentage == null) {
            return true;
        }
        boolean overCount = count != null && failed > count;
        boolean overPercentage = percentage != null && failed * 100.0 / Math.max(total, 1) > percentage;
        return overCount || overPercentage;
    }
}
