package io.sensoretl.asl.task;

import io.sensoretl.asl.errors.FailureException;
import io.sensoretl.asl.json.Json;

/** How Lambda outcomes become Step Functions errors. */
final class LambdaErrors {
    private LambdaErrors() {}

    static FailureException unhandled(LambdaInvoker.Result result) {
        return new FailureException(result.errorType(), Json.write(result.errorPayload()));
    }

    static FailureException notFound(String arn, String requestId) {
        return new FailureException("Lambda.ResourceNotFoundException", "Function not found: " + arn
                + ":$LATEST (Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: "
                + requestId + "; Proxy: null)");
    }
}
