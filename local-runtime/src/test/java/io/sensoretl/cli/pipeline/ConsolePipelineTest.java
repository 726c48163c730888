package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sensoretl.local.DeadLetter;
import io.sensoretl.local.DeadLetterQueue;
import io.sensoretl.local.LocalServices;
import io.sensoretl.local.RunReport;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's pipeline pages under {@code serve --sfn-port} over HTTP, on a run whose chunk 1 failed for good and
 * was dead-lettered ({@link ConsolePipelineFixture}): the run's curated partitions and rejects by reason, the dead
 * letter, and the Redrive button, which redrives the queue as {@code dlq redrive} does.
 */
class ConsolePipelineTest {
    @TempDir
    Path dir;
    ConsolePipelineFixture local;
    RunReport report;
    LocalServices stack;

    io.sensoretl.console.ConsoleHttp console;

    @BeforeEach
    void start() throws Exception {
        local = new ConsolePipelineFixture(dir);
        console = new io.sensoretl.console.ConsoleHttp(local::url);
        report = local.report;
        stack = local.stack;
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return console.get(path);
    }

    private HttpResponse<String> post(String path, String origin) throws Exception {
        return console.post(path, "", origin);
    }

    @Test
    void aPipelineExecutionShowsItsCuratedPartitionsAndRejectsByReason() throws Exception {
        assertThat(get("/console/").body()).contains("href=\"/console/pipeline/dlq\"");

        HttpResponse<String> page = get(ConsolePipelineFixture.executionHref(report.executionId()));
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<h2>Curated partitions (" + report.partitions().size() + ")</h2>");
        for (RunReport.Partition p : report.partitions()) {
            assertThat(html).contains("<tr class=\"partition\" data-dt=\"" + p.dt() + "\"><td>" + p.dt() + "</td><td>"
                    + p.status() + "</td><td>" + String.format(Locale.ROOT, "%,d", p.files()) + "</td><td>"
                    + String.format(Locale.ROOT, "%,d", p.bytes()) + "</td><td>" + p.location() + "</td></tr>");
        }
        report.rejectedByReason().forEach((reason, n) -> assertThat(html).contains("<tr class=\"reject\" data-reason=\""
                + reason + "\"><td>" + reason + "</td><td>" + String.format(Locale.ROOT, "%,d", n) + "</td></tr>"));
        assertThat(html).contains("<th>Chunks dead-lettered</th><td>1 (<a href=\"/console/pipeline/dlq\">");

        // outcomes of redrives are kept while serve runs; the page's only POST is its button
        assertThat(get("/console/pipeline/dlq?redrive=7").body()).contains("redrive 7 is no longer kept");
        assertThat(post("/console/pipeline/dlq", null).statusCode()).isEqualTo(405);
    }

    @Test
    void theDlqPageListsTheDeadLettersAndItsRedriveButtonRedrivesThem() throws Exception {
        DeadLetterQueue dlq = new DeadLetterQueue(stack.sqs(), stack.deadLetterQueueUrl());
        // a second dead letter that fails again on redrive: its source is gone, its error is markup
        DeadLetter real = dlq.list().get(0);
        ObjectNode forged = real.body().deepCopy();
        ((ObjectNode) forged.get("chunk")).put("index", 99).put("key", "incoming/<script>gone</script>.ndjson");
        forged.put("error", "<script>alert(1)</script>");
        stack.sqs().sendMessage(b -> b.queueUrl(stack.deadLetterQueueUrl()).messageBody(forged.toString()));

        // when it was dead-lettered: during the run, as SQS received it
        java.time.Instant at = java.time.Instant.parse(real.deadLetteredAt());
        assertThat(at).isBetween(java.time.Instant.now().minusSeconds(300), java.time.Instant.now());
        String html = get("/console/pipeline/dlq").body();
        assertThat(html).contains(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(at));
        assertThat(html).contains("<h2>Dead-lettered chunks (2)</h2>", "data-chunk=\"1\"", "data-chunk=\"99\"",
                "class=\"error-name\">SensorEtl.Internal<", "injected &lt;b&gt;failure&lt;/b&gt; of chunk 1",
                "&lt;script&gt;alert(1)&lt;/script&gt;", "href=\"" + ConsolePipelineFixture.executionHref(report.executionId()) + "\"",
                "action=\"/console/pipeline/dlq/redrive\"");
        assertThat(html).doesNotContain("<script", "<b>failure");

        // a button pressed on another site's page is refused, and nothing is redriven
        HttpResponse<String> forgedPost = post("/console/pipeline/dlq/redrive", "http://evil.example");
        assertThat(forgedPost.statusCode()).isEqualTo(403);
        assertThat(forgedPost.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(dlq.list()).hasSize(2);

        HttpResponse<String> redrive = post("/console/pipeline/dlq/redrive", local.sfn.endpoint().toString());
        assertThat(redrive.statusCode()).isEqualTo(303);
        String outcomePath = redrive.headers().firstValue("Location").orElseThrow();
        assertThat(outcomePath).isEqualTo("/console/pipeline/dlq?redrive=1");
        assertThat(dlq.list()).extracting(DeadLetter::chunk).containsExactly(99);

        String outcome = get(outcomePath).body();
        assertThat(outcome).contains("id=\"redrive-outcome\"", "Redrove 1 chunk(s), 1 still failing",
                "<tr data-redriven=\"true\"><td>" + report.runId() + "</td><td>1</td>",
                "<tr data-redriven=\"false\"><td>" + report.runId() + "</td><td>99</td><td>failed again",
                report.runId() + " republished ", "<h2>Dead-lettered chunks (1)</h2>");
        assertThat(outcome).doesNotContain("<script", "data-chunk=\"1\"");
    }
}
