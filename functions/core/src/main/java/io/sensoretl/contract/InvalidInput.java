package io.sensoretl.contract;

/**
 * Marks an exception that says the input as a whole cannot be processed as its contract describes it
 * (a delimited file without the header row the contract promises, a contract that does not load):
 * retrying the same input cannot help. Record-level problems are never exceptions: they are rejects
 * with a reason. The Lambda edge reports these as the workflow error {@code SensorEtl.BadInput}.
 */
public interface InvalidInput {
}
