package io.sensoretl.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import software.amazon.awssdk.services.sfn.model.ExecutionStatus;

/**
 * The console in a real browser: Debian's headless Chromium and its driver (installed by {@code .ci/run}), driven by
 * Selenium, on a `states serve` in this process with executions started through the SDK. Screenshots go to
 * {@code target/console-screenshots/}. Skipped, saying why, where Chromium or chromedriver is not installed
 * ({@link HeadlessChromium}).
 */
class ConsoleBrowserTest {
    @TempDir
    Path dir;
    ConsoleFixture local;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        browser = HeadlessChromium.startOrSkip("ConsoleBrowserTest");
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(20));
        local = new ConsoleFixture(dir);
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
    void theConsoleShowsTheColouredGraphAndHistoryAndRedrivesAndStopsExecutions() throws Exception {
        String orders = local.create("orders", ConsoleFixture.ORDERS);
        String failed = local.run(orders, "first", "{\"customer\":\"ana\"}").executionArn();
        String waits = local.create("waits", ConsoleFixture.WAITS);
        String parked = local.start(waits, "parked", "{}");

        // the list: both executions, with their status; the filter keeps the failed one
        browser.get(local.url("/console/"));
        assertThat(row(failed).findElement(By.cssSelector(".status")).getText()).isEqualTo("FAILED");
        assertThat(row(parked).findElement(By.cssSelector(".status")).getText()).isEqualTo("RUNNING");
        browser.findElement(By.linkText("FAILED")).click();
        assertThat(browser.findElements(By.cssSelector("tr[data-execution]"))).hasSize(1);
        shot("list-failed");

        // the execution: each state coloured by what happened, the history with its payloads
        row(failed).findElement(By.linkText("first")).click();
        assertThat(state("Prepare")).isEqualTo("SUCCEEDED");
        assertThat(state("Check")).isEqualTo("CAUGHT");
        assertThat(state("Fallback")).isEqualTo("SUCCEEDED");
        assertThat(state("Items")).isEqualTo("FAILED");
        assertThat(state("Done")).isEqualTo("NOT_REACHED");
        assertThat(fill("Prepare")).isEqualTo("rgb(215, 243, 216)");
        assertThat(fill("Check")).isEqualTo("rgb(255, 232, 189)");
        assertThat(fill("Items")).isEqualTo("rgb(255, 211, 209)");
        assertThat(fill("Done")).isEqualTo("rgb(255, 255, 255)");
        shot("execution-failed");
        WebElement started = browser.findElement(By.cssSelector("tr[data-type='ExecutionStarted']"));
        WebElement input = started.findElement(By.cssSelector("details pre"));
        assertThat(input.isDisplayed()).as("collapsed until opened").isFalse();
        started.findElement(By.cssSelector("details summary")).click();
        assertThat(input.getText()).contains("\"customer\" : \"ana\"");
        assertThat(browser.findElements(By.cssSelector("tr[data-type='ExecutionFailed']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector(".error .error-name")).getText())
                .isEqualTo("States.ExceedToleratedFailureThreshold");

        // its Map Run: one failed item, with its error; Redrive re-runs it and the execution succeeds
        browser.findElement(By.cssSelector("ul.map-runs a")).click();
        assertThat(browser.findElement(By.cssSelector("td[data-count='failed']")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("table.failed-items .error-name")).getText())
                .isEqualTo("java.lang.IllegalArgumentException");
        shot("map-run-failed");
        String mapRunUrl = browser.getCurrentUrl();
        browser.findElement(By.id("redrive")).click();
        assertThat(local.awaitRedrivenEnd(failed).status()).isEqualTo(ExecutionStatus.SUCCEEDED);
        browser.get(mapRunUrl);
        assertThat(browser.findElement(By.cssSelector("td[data-count='failed']")).getText()).isEqualTo("0");
        assertThat(browser.findElements(By.id("redrive"))).isEmpty();
        browser.findElement(By.linkText(failed)).click();
        assertThat(state("Items")).isEqualTo("SUCCEEDED");
        assertThat(state("Done")).isEqualTo("SUCCEEDED");
        assertThat(fill("Done")).isEqualTo("rgb(215, 243, 216)");
        shot("execution-redriven");

        // the running one: Stop aborts it
        browser.get(local.url(Html.executionHref(parked)));
        assertThat(state("Hold")).isEqualTo("RUNNING");
        WebElement stop = browser.findElement(By.id("stop"));
        stop.click();
        // the stop's answer replaces the page; refreshing before it has come would cancel the POST
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.stalenessOf(stop));
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> {
            b.navigate().refresh();
            return b.findElement(By.cssSelector("h1 .status")).getText().equals("ABORTED");
        });
        assertThat(state("Hold")).isEqualTo("ABORTED");
        assertThat(browser.findElements(By.id("stop"))).isEmpty();
        shot("execution-stopped");
    }

    private WebElement row(String executionArn) {
        return browser.findElement(By.cssSelector("tr[data-execution='" + executionArn + "']"));
    }

    private String state(String name) {
        return browser.findElement(By.cssSelector("g.state[data-state='" + name + "']")).getAttribute("data-status");
    }

    /** The colour the browser paints the state's box with. */
    private String fill(String name) {
        return browser.findElement(By.cssSelector("g.state[data-state='" + name + "'] > rect")).getCssValue("fill");
    }

    private void shot(String name) throws Exception {
        HeadlessChromium.shot(browser, name);
    }
}
