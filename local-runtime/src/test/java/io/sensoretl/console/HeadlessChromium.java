package io.sensoretl.console;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium and its driver (installed by {@code .ci/run}) for the console's browser tests, and their
 * screenshots in {@code target/console-screenshots/}; the test is skipped, saying why, where they are not installed.
 */
public final class HeadlessChromium {
    private static final Path SHOTS = Path.of("target", "console-screenshots");

    private HeadlessChromium() {}

    /** A browser, or the calling test is skipped (an assumption fails) saying what is missing. */
    public static WebDriver startOrSkip(String test) throws Exception {
        File chromium = executable("CHROME_BIN", "/usr/bin/chromium", "/usr/bin/chromium-browser");
        File driver = executable("CHROMEDRIVER", "/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(chromium != null && driver != null, test + " skipped: needs Chromium and "
                + "chromedriver (Debian: apt-get install chromium chromium-driver, as .ci/run does; or set CHROME_BIN "
                + "and CHROMEDRIVER); found chromium=" + chromium + ", chromedriver=" + driver);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1100", "--disable-extensions", "--no-first-run");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        WebDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
        return browser;
    }

    public static void shot(WebDriver browser, String name) throws Exception {
        File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static File executable(String variable, String... candidates) {
        String configured = System.getenv(variable);
        for (String path : configured != null && !configured.isBlank() ? List.of(configured) : List.of(candidates)) {
            File f = new File(path);
            if (f.canExecute()) {
                return f;
            }
        }
        return null;
    }
}
