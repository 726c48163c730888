package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.generate.DumpGenerator;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.lambda.WorkflowError;
import io.sensoretl.local.DataDir;
import io.sensoretl.local.HandlerDecorator;
import io.sensoretl.local.LocalPipeline;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunOptions;
import io.sensoretl.local.RunReport;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * What {@code serve --sfn-port} serves, in the test's process: the local services, one run of the pipeline on them
 * whose chunk 1 fails for good (its error message carries markup) and is dead-lettered, then the Step Functions API
 * and console with the pipeline pinned, on a free port.
 */
final class ConsolePipelineFixture implements AutoCloseable {
    private static final String KEY = "incoming/console/dump.ndjson";

    final LocalServices stack;
    final ServeStepFunctions sfn;
    final RunReport report;

    ConsolePipelineFixture(Path dir) throws Exception {
        DataDir dataDir = new DataDir(dir.resolve("data"));
        stack = LocalServices.start(dataDir, 0, 0);
        try {
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            new DumpGenerator(11, 0.05, 20).writeRecords(dump, 3_000);
            HandlerDecorator chunkOneFails = (function, handler) -> function != LambdaFunction.TRANSFORM ? handler
                    : (in, out, context) -> {
                        byte[] event = in.readAllBytes();
                        if (new String(event, StandardCharsets.UTF_8).matches("(?s).*\"index\"\\s*:\\s*1[,}].*")) {
                            throw WorkflowError.translate(new IllegalStateException("injected <b>failure</b> of chunk 1"));
                        }
                        handler.handleRequest(new java.io.ByteArrayInputStream(event), out, context);
                    };
            LocalPipeline.Settings settings = new LocalPipeline.Settings(2, true);
            try (LocalPipeline pipeline = new LocalPipeline(stack, settings, chunkOneFails)) {
                stack.s3().putObject(b -> b.bucket(DataDir.SOURCE_BUCKET).key(KEY),
                        RequestBody.fromBytes(dump.toByteArray()));
                report = RunReport.of(pipeline.run(DataDir.SOURCE_BUCKET, KEY,
                        new RunOptions(null, (long) dump.size() / 4, false)), dataDir);
            }
            assertThat(report.outcome()).as(report.toString()).isEqualTo(RunReport.PROCESSED);
            assertThat(report.chunksDeadLettered()).isEqualTo(1);
            assertThat(report.partitions()).isNotEmpty();
            assertThat(report.rejectedByReason()).isNotEmpty();
            sfn = ServeStepFunctions.start(stack, settings, 0, report -> { });
        } catch (Exception | AssertionError e) {
            stack.close();
            throw e;
        }
    }

    String url(String path) {
        return sfn.endpoint() + path;
    }

    static String executionHref(String arn) {
        return "/console/executions/" + URLEncoder.encode(arn, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        sfn.close();
        stack.close();
    }
}
