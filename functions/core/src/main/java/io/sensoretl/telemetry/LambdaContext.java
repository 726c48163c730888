package io.sensoretl.telemetry;

/**
 * What the log line says about the Lambda invocation, in the names Powertools for AWS Lambda logs it
 * under (so the Logs Insights queries its users already have work here): {@code function_name},
 * {@code function_request_id}, {@code function_arn}, {@code function_version},
 * {@code function_memory_size}, {@code cold_start}, {@code xray_trace_id}. No Lambda types: the
 * handler edge fills it from Lambda's {@code Context}. Any value may be {@code null} (left out).
 *
 * @param traceId the X-Ray trace id, the {@code Root} of the trace header (see {@link #traceIdOf})
 */
public record LambdaContext(String requestId, String functionName, String functionArn, String functionVersion,
                            Integer memoryMb, Boolean coldStart, String traceId) {

    public static final LambdaContext NONE = new LambdaContext(null, null, null, null, null, null, null);

    /** Only a request id (tests, the local runtime). */
    public static LambdaContext ofRequest(String requestId) {
        return new LambdaContext(requestId, null, null, null, null, null, null);
    }

    /**
     * The trace id in an X-Ray trace header ({@code Root=1-5759e988-bd862e3fe1be46a994272793;Parent=...;Sampled=1},
     * as Lambda passes it in {@code _X_AMZN_TRACE_ID} or the {@code com.amazonaws.xray.traceHeader} property):
     * its {@code Root}, as Powertools logs it; {@code null} without one.
     */
    public static String traceIdOf(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        for (String part : header.split(";")) {
            String p = part.strip();
            if (p.startsWith("Root=")) {
                return p.substring("Root=".length());
            }
        }
        return null;
    }
}
