package io.sensoretl.cli.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.sensoretl.console.HeadlessChromium;
import io.sensoretl.local.DeadLetterQueue;
import io.sensoretl.local.RunReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console's pipeline pages in a real browser ({@link HeadlessChromium}) on a pipeline run with a dead-lettered
 * chunk ({@link ConsolePipelineFixture}): from the main page to the DLQ, its Redrive button, the outcome, and the
 * run's curated partitions and rejects. Screenshots go to {@code target/console-screenshots/}.
 */
class ConsolePipelineBrowserTest {
    @TempDir
    Path dir;
    ConsolePipelineFixture local;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.startOrSkip("ConsolePipelineBrowserTest");
        local = new ConsolePipelineFixture(dir);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (local != null) {
            local.close();
        }
    }

    @Test
    void theDlqPageRedrivesTheDeadLetteredChunkAndTheRunShowsItsPartitionsAndRejects() throws Exception {
        RunReport report = local.report;
        browser.get(local.url("/console/"));
        browser.findElement(By.linkText("dead-letter queue")).click();
        assertThat(browser.findElements(By.cssSelector("tr.dead-letter"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("tr.dead-letter .cause")).getText())
                .contains("injected <b>failure</b> of chunk 1");
        HeadlessChromium.shot(browser, "pipeline-dlq");

        browser.findElement(By.id("dlq-redrive")).click();
        // the click returns once the form is submitted, not once the answer (after the redrive) has loaded
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(b -> b.getCurrentUrl().endsWith("/console/pipeline/dlq?redrive=1")
                && !b.findElements(By.id("redrive-outcome")).isEmpty());
        assertThat(browser.findElement(By.id("redrive-outcome")).getText()).contains("Redrove 1 chunk(s), 0 still failing");
        assertThat(browser.findElement(By.id("dlq-empty")).isDisplayed()).isTrue();
        assertThat(new DeadLetterQueue(local.stack.sqs(), local.stack.deadLetterQueueUrl()).list()).isEmpty();
        HeadlessChromium.shot(browser, "pipeline-dlq-redriven");

        browser.get(local.url(ConsolePipelineFixture.executionHref(report.executionId())));
        assertThat(browser.findElements(By.cssSelector("tr.partition"))).hasSize(report.partitions().size());
        assertThat(browser.findElements(By.cssSelector("tr.reject"))).hasSize(report.rejectedByReason().size());
        String firstDt = report.partitions().get(0).dt();
        assertThat(browser.findElement(By.cssSelector("tr.partition[data-dt='" + firstDt + "']")).getText())
                .contains(report.partitions().get(0).location());
        HeadlessChromium.shot(browser, "pipeline-execution");
    }
}
