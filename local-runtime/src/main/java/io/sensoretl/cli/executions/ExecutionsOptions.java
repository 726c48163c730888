package io.sensoretl.cli.executions;

import io.sensoretl.cli.UserError;
import io.sensoretl.local.DataDir;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/** Options shared by `executions list` and `executions show`: where the executions are. */
public final class ExecutionsOptions {
    static final String STATE_MACHINE_ENV = "SENSOR_ETL_STATE_MACHINE_ARN";

    enum Target { local, aws }

    @Option(names = "--on", defaultValue = "local", paramLabel = "local|aws",
            description = "Read executions of the local runtime (default) or of a deployed stack on AWS.")
    Target on;

    @Option(names = "--data-dir", paramLabel = "<dir>", description = "Local state directory (default: ./.sensor-etl).")
    Path dataDir = DataDir.DEFAULT;

    @Option(names = "--state-machine-arn", paramLabel = "<arn>",
            description = "With --on aws: the state machine (stack output StateMachineArn; default: $" + STATE_MACHINE_ENV + ").")
    String stateMachineArn;

    @Option(names = "--region", paramLabel = "<region>", description = "With --on aws: the region (default: the AWS SDK's, e.g. AWS_REGION).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "<url>",
            description = "With --on aws: a Step Functions endpoint other than AWS's (e.g. Step Functions Local).")
    String endpointUrl;

    @Option(names = "--json", description = "Print JSON (fields documented in docs/executions.md) instead of tables.")
    boolean json;

    ExecutionSource source() {
        if (on == Target.local) {
            return new LocalExecutions(new DataDir(dataDir));
        }
        SfnClientBuilder b = SfnClient.builder().httpClient(UrlConnectionHttpClient.create());
        if (region != null) {
            b.region(Region.of(region));
        }
        if (endpointUrl != null) {
            try {
                b.endpointOverride(new URI(endpointUrl));
            } catch (URISyntaxException e) {
                throw new UserError("--endpoint-url '" + endpointUrl + "' is not a URL: " + e.getReason());
            }
        }
        String machine = stateMachineArn != null ? stateMachineArn : System.getenv(STATE_MACHINE_ENV);
        try {
            return new AwsExecutions(b.build(), machine);
        } catch (software.amazon.awssdk.core.exception.SdkClientException e) {
            if (String.valueOf(e.getMessage()).startsWith("Unable to load region")) {
                throw new UserError("no AWS region: pass --region, set AWS_REGION, or set a region in your AWS profile");
            }
            throw new UserError("cannot create the Step Functions client: " + firstLine(e.getMessage()));
        }
    }

    String where() {
        return on == Target.local ? new DataDir(dataDir).executions().toString() : "AWS";
    }

    static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
