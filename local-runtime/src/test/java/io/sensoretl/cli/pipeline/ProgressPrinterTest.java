package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.sensoretl.lambda.LambdaFunction;
import io.sensoretl.progress.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final List<String> calls = new ArrayList<>();
    private final Progress recorder = new Progress() {
        @Override
        public void start(String task, long totalBytes, long totalRecords) {
            calls.add("start " + task.strip() + " " + totalBytes + " " + totalRecords);
        }

        @Override
        public void advance(long bytes, long records) {
            calls.add("advance " + bytes + " " + records);
        }

        @Override
        public void finish() {
            calls.add("finish");
        }
    };
    private final ProgressPrinter printer = new ProgressPrinter(new PrintStream(err, true, StandardCharsets.UTF_8), false, recorder);

    @Test
    void transformsAdvanceByTheirSourceBytesAndRowsNotTheirReadings() throws IOException {
        invoke(LambdaFunction.PLAN, "{}", "{\"chunks\":2,\"bytes\":300}");
        invoke(LambdaFunction.TRANSFORM, "{}", "{\"bytes\":100,\"sourceRecords\":10,\"records\":40}");
        invoke(LambdaFunction.TRANSFORM, "{}", "{\"bytes\":200,\"sourceRecords\":20,\"records\":80}");
        invoke(LambdaFunction.RUN_RESULTS, "{}", "{}");

        assertThat(calls).containsExactly("start transforming 2 chunk(s) 300 -1", "advance 100 10", "advance 200 20", "finish");
        assertThat(stderr()).contains("planned 2 chunk(s) over 300 bytes", "adding up run results...");
    }

    @Test
    void compactionShowsItsPlanThenTheRowsItsGroupAndSliceTasksHandled() throws IOException {
        invoke(LambdaFunction.COMPACT, "{\"action\":\"plan\"}", """
                {"groups":3,"slices":2,"plannedPartitions":[
                  {"dt":"2024-03-01","status":"PLANNED","estimatedRows":1000},
                  {"dt":"2024-03-02","status":"ALREADY_APPLIED","estimatedRows":7},
                  {"dt":"2024-03-03","status":"PLANNED","estimatedRows":500}]}""");
        for (int g = 0; g < 3; g++) {
            invoke(LambdaFunction.COMPACT, "{\"action\":\"group\"}", "{\"rows\":500}");
        }
        invoke(LambdaFunction.COMPACT, "{\"action\":\"slice\"}", "{\"rows\":900}");
        invoke(LambdaFunction.COMPACT, "{\"action\":\"slice\"}", "{\"rows\":700}");
        invoke(LambdaFunction.COMPACT, "{\"action\":\"publish\"}", "{\"partitions\":[]}");
        invoke(LambdaFunction.LATEST_READINGS, "{}", "{}");

        assertThat(calls).containsExactly(
                "start sorting 3 group(s) of staged rows -1 1500", "advance 0 500", "advance 0 500", "advance 0 500",
                "finish", "start writing 2 slice(s) into the new versions -1 -1", "advance 0 900", "advance 0 700",
                "finish");
        assertThat(stderr()).containsSubsequence("planning compaction...",
                "compaction planned: 2 partition(s), ~1,500 staged row(s), 3 group(s), 2 slice(s)",
                "publishing partitions...", "updating latest readings...");
        // one line per step, not one per task
        assertThat(stderr().split("planning compaction", -1)).hasSize(2);
    }

    @Test
    void aRunThatEndsDuringCompactionStopsTheLine() throws IOException {
        invoke(LambdaFunction.COMPACT, "{\"action\":\"plan\"}", "{\"groups\":1,\"slices\":1,\"plannedPartitions\":[]}");
        invoke(LambdaFunction.COMPACT, "{\"action\":\"group\"}", "{\"rows\":5}");
        printer.close();

        assertThat(calls).endsWith("advance 0 5", "finish");
    }

    @Test
    void theHandlerGetsTheRequestUnchangedAndItsAnswerPassesThrough() throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        RequestStreamHandler echo = (in, out, context) -> {
            byte[] request = in.readAllBytes();
            seen.write(request);
            out.write(request);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        printer.decorate(LambdaFunction.COMPACT, echo).handleRequest(
                new ByteArrayInputStream("{\"action\":\"slice\",\"rows\":3}".getBytes(StandardCharsets.UTF_8)), out, null);

        assertThat(seen.toString(StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"slice\",\"rows\":3}");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"action\":\"slice\",\"rows\":3}");
    }

    private void invoke(LambdaFunction function, String request, String answer) throws IOException {
        RequestStreamHandler handler = (in, out, context) -> {
            in.readAllBytes();
            out.write(answer.getBytes(StandardCharsets.UTF_8));
        };
        printer.decorate(function, handler).handleRequest(
                new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
