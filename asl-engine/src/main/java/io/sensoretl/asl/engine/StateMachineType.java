package io.sensoretl.asl.engine;

/**
 * STANDARD executions are kept (history, DescribeExecution, redrive); EXPRESS ones have ARNs of the form
 * {@code ...:express:<machine>:<name>:<id>}, no redrive fields in their context, and are not kept.
 */
public enum StateMachineType { STANDARD, EXPRESS }
