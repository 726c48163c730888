/**
 * A local Amazon States Language engine: load a definition ({@code engine.AslEngine#load}), run executions
 * on injected services ({@code services}: S3 as an ObjectStore, SQS as a MessageQueue, in-process Lambda
 * functions, any TaskResource; {@code time}: real or virtual time) and keep their history ({@code history}).
 *
 * <p>Only these packages are the API. Everything else (definition records and their parsers, the state-type
 * table and handlers, paths, intrinsics, JSONata, data flow, Map runs, retries) is internal and may change.
 */
module io.sensoretl.asl {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive aws.lambda.java.core;
    requires com.dashjoin.jsonata;
    requires io.sensoretl.lambda.context;

    exports io.sensoretl.asl.engine;
    exports io.sensoretl.asl.validation;
    exports io.sensoretl.asl.history;
    exports io.sensoretl.asl.services;
    exports io.sensoretl.asl.errors;
    exports io.sensoretl.asl.time;
    exports io.sensoretl.asl.json;
    exports io.sensoretl.asl.conformance;
}
