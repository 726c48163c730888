/** The Lambda {@code Context} for invocations outside the Lambda runtime. */
module io.sensoretl.lambda.context {
    requires transitive aws.lambda.java.core;

    exports io.sensoretl.lambda.local;
}
