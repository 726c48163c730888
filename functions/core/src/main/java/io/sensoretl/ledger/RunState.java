package io.sensoretl.ledger;

public enum RunState { RUNNING, SUCCEEDED, FAILED }
