package io.sensoretl.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/** Each console page over HTTP, on executions run through the SDK, and its buttons. */
class ConsolePagesTest {
    @TempDir
    Path dir;
    ConsoleFixture local;

    ConsoleHttp console;

    @BeforeEach
    void start() throws Exception {
        local = new ConsoleFixture(dir);
        console = new ConsoleHttp(local::url);
    }

    @AfterEach
    void stop() {
        local.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return console.get(path);
    }

    private HttpResponse<String> post(String path, String form, String origin) throws Exception {
        return console.post(path, form, origin);
    }

    @Test
    void theListShowsEachStateMachineWithItsExecutionsAndFiltersThemByStatus() throws Exception {
        String orders = local.create("orders", ConsoleFixture.ORDERS);
        String failed = local.run(orders, "first", "{}").executionArn();
        String ok = local.run(orders, "second", "{}").executionArn(); // item 3 fails only once
        local.create("empty", ConsoleFixture.WAITS);

        HttpResponse<String> all = get("/console/");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(all.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
        assertThat(all.body()).contains(">orders <small>STANDARD · 2 executions</small>", ">empty <small>",
                "href=\"" + Html.executionHref(failed) + "\">first</a>", ">FAILED</span>", ">SUCCEEDED</span>");
        // newest first
        assertThat(all.body().indexOf(">second</a>")).isLessThan(all.body().indexOf(">first</a>"));
        assertThat(all.body()).doesNotContain("http-equiv=\"refresh\"");

        String onlyFailed = get("/console/?status=FAILED").body();
        assertThat(onlyFailed).contains(">first</a>", "2 executions".replace("2", "1").replace("executions",
                "FAILED executions")).doesNotContain(">second</a>");
        assertThat(get("/console/?status=BOGUS").statusCode()).isEqualTo(400);
        // GET / leads to the console; the API still answers POSTs there
        assertThat(get("/").headers().firstValue("Location")).hasValue("/console/");
        assertThat(ok).isNotEmpty();
    }

    @Test
    void anExecutionPageShowsTheColouredGraphTheHistoryTheErrorAndMapRunsAndRedrives() throws Exception {
        String orders = local.create("orders", ConsoleFixture.ORDERS);
        String exec = local.run(orders, "first", "{\"customer\":\"ana\"}").executionArn();

        HttpResponse<String> page = get(Html.executionHref(exec));
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("data-state=\"Prepare\" data-status=\"SUCCEEDED\"",
                "data-state=\"Check\" data-status=\"CAUGHT\"", "data-state=\"Items\" data-status=\"FAILED\"",
                "data-state=\"Done\" data-status=\"NOT_REACHED\"", "data-state=\"Work\" data-status=\"NOT_REACHED\"");
        assertThat(html).contains("class=\"error-name\">States.ExceedToleratedFailureThreshold</span>");
        // the history, each event with its input and output
        assertThat(html).contains("data-type=\"ExecutionStarted\"", "data-type=\"ParallelStateEntered\"",
                "data-type=\"MapRunFailed\"", "data-type=\"ExecutionFailed\"", "<summary>input</summary>",
                "&quot;customer&quot; : &quot;ana&quot;");
        assertThat(html).contains("action=\"/console/redrive\"").doesNotContain("action=\"/console/stop\"");
        Matcher run = Pattern.compile("href=\"(/console/map-runs/[^\"]+)\"").matcher(html);
        assertThat(run.find()).as("a link to the Map Run").isTrue();

        String mapRun = get(run.group(1)).body();
        assertThat(mapRun).contains("Map Run <span class=\"status s-failed\">FAILED</span>",
                "data-count=\"failed\">1<", "data-count=\"total\">4<", "class=\"error-name\">java.lang.IllegalArgumentException<",
                "item 3 is broken", "action=\"/console/redrive\"");

        // the Map Run page's button redrives the parent and comes back to the Map Run
        HttpResponse<String> redrive = post("/console/redrive", "executionArn=" + Html.encode(exec) + "&then="
                + Html.encode(run.group(1).replace("&amp;", "&")), null);
        assertThat(redrive.statusCode()).isEqualTo(303);
        assertThat(redrive.headers().firstValue("Location")).hasValue(run.group(1));
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        String after = get(run.group(1)).body();
        assertThat(after).contains("data-count=\"succeeded\">4<", "data-count=\"failed\">0<")
                .doesNotContain("action=\"/console/redrive\"");
        assertThat(get(Html.executionHref(exec)).body()).contains("data-state=\"Done\" data-status=\"SUCCEEDED\"");
    }

    @Test
    void aRunningExecutionRefreshesItselfAndItsStopButtonStopsIt() throws Exception {
        String machine = local.create("waits", ConsoleFixture.WAITS);
        String exec = local.start(machine, "w", "{}");
        String html = get(Html.executionHref(exec)).body();
        assertThat(html).contains("http-equiv=\"refresh\"", "action=\"/console/stop\"", ">RUNNING</span>");

        // a button pressed on another site's page is refused
        HttpResponse<String> forged = post("/console/stop", "executionArn=" + Html.encode(exec),
                "http://evil.example");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(local.sfn.describeExecution(b -> b.executionArn(exec)).status()).isEqualTo(ExecutionStatus.RUNNING);

        String host = local.server.endpoint().toString();
        HttpResponse<String> stopped = post("/console/stop", "executionArn=" + Html.encode(exec), host);
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(stopped.headers().firstValue("Location")).hasValue(Html.executionHref(exec));
        assertThat(local.awaitEnd(exec).status()).isEqualTo(ExecutionStatus.ABORTED);
        assertThat(get(Html.executionHref(exec)).body()).contains("data-state=\"Hold\" data-status=\"ABORTED\"")
                .doesNotContain("http-equiv=\"refresh\"");
    }

    @Test
    void markupInInputsStateNamesAndErrorsIsShownAsText() throws Exception {
        String machine = local.create("markup", """
                {"StartAt":"<img src=x onerror=alert(1)>","States":{"<img src=x onerror=alert(1)>":{"Type":"Fail",
                  "Error":"<script>alert('error')</script>","Cause":"<b onmouseover=alert(2)>cause</b>"}}}""");
        String exec = local.run(machine, "x", "{\"note\":\"</pre><script>alert(3)</script>\"}").executionArn();
        String html = get(Html.executionHref(exec)).body();
        assertThat(html).doesNotContain("<script", "<img", "<b onmouseover");
        assertThat(html).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;error&#39;)",
                "&lt;b onmouseover=alert(2)&gt;cause&lt;/b&gt;", "&lt;/pre&gt;&lt;script&gt;alert(3)");
        assertThat(get("/console/").body()).doesNotContain("<script");
    }

    @Test
    void unknownExecutionsMapRunsAndPagesAreNotFound() throws Exception {
        assertThat(get(Html.executionHref("arn:aws:states:us-east-1:123456789012:execution:none:x")).statusCode())
                .isEqualTo(404);
        assertThat(get(Html.mapRunHref("arn:aws:states:us-east-1:123456789012:mapRun:none/Items:1")).statusCode())
                .isEqualTo(404);
        assertThat(get("/console/nothing").statusCode()).isEqualTo(404);
        assertThat(post("/console/redrive", "", null).statusCode()).isEqualTo(400);
    }

    @Test
    void withoutAPipelineThereIsNoDeadLetterQueuePage() throws Exception {
        assertThat(get("/console/").body()).doesNotContain("/console/pipeline/dlq");
        HttpResponse<String> dlq = get("/console/pipeline/dlq");
        assertThat(dlq.statusCode()).isEqualTo(404);
        assertThat(dlq.body()).contains("serve --sfn-port");
        assertThat(post("/console/pipeline/dlq/redrive", "", local.server.endpoint().toString()).statusCode())
                .isEqualTo(404);
    }
}
