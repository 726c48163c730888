package io.sensoretl.contract;

/**
 * One thing wrong with a contract file.
 *
 * @param path    JSON pointer of the bad entry inside the contract (e.g. {@code /metrics/temp/min})
 * @param message what was expected and what was found
 */
public record ContractProblem(String path, String message) {
    @Override
    public String toString() {
        return (path.isEmpty() ? "/" : path) + ": " + message;
    }
}
