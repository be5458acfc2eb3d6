package io.newswatch.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium driven by Selenium through chromium-driver, both from the system (Debian
 * {@code chromium} and {@code chromium-driver}, which {@code scripts/ensure-test-tools} installs). Paths can be
 * moved with {@code NEWSWATCH_CHROMIUM} and {@code NEWSWATCH_CHROMEDRIVER}. Missing ones are an error that
 * says how to install them, never a skipped test.
 */
final class Browser implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(60);

    private final WebDriver driver;
    private final String baseUrl;

    private Browser(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
    }

    /** Fails with how to install them when Chromium or its driver is missing. */
    static void requireInstalled() {
        List<String> missing = Stream.of(chromium(), chromedriver())
                .filter(p -> !Files.isExecutable(p)).map(Path::toString).toList();
        if (!missing.isEmpty()) {
            throw new AssertionError("the browser test needs Chromium and its driver, missing: " + missing
                    + ". Install them with scripts/ensure-test-tools (apt-get install chromium chromium-driver), "
                    + "or point NEWSWATCH_CHROMIUM / NEWSWATCH_CHROMEDRIVER at them.");
        }
    }

    /**
     * Checks for the browser before anything else of a test class starts (register it before the extensions
     * that start Kafka and Elasticsearch): a missing browser is said at once, not after minutes of start-up.
     */
    static final class Required implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            requireInstalled();
        }
    }

    /** A headless browser whose relative paths are under {@code baseUrl}. */
    static Browser start(String baseUrl) {
        requireInstalled();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium().toFile());
        // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,1000", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
        return new Browser(driver, baseUrl);
    }

    /** Loads {@code path} (e.g. {@code /alerts.html}). */
    void open(String path) {
        driver.get(baseUrl + path);
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    WebElement find(By by) {
        return driver.findElement(by);
    }

    List<WebElement> findAll(By by) {
        return driver.findElements(by);
    }

    /** Waits up to {@code timeout} for {@code condition} to be neither null nor false; fails saying {@code what}. */
    <T> T await(String what, Duration timeout, Function<WebDriver, T> condition) {
        // Stale elements are retried: the pages re-render lists when answers arrive.
        return new WebDriverWait(driver, timeout).withMessage(what).ignoring(StaleElementReferenceException.class)
                .until(condition);
    }

    <T> T await(String what, Function<WebDriver, T> condition) {
        return await(what, WAIT, condition);
    }

    /** Answers "OK" to the page's confirm() dialog, once it shows. */
    void acceptConfirmation() {
        await("a confirmation dialog", d -> d.switchTo().alert()).accept();
    }

    /** A PNG of the visible page. */
    void screenshot(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) Files.createDirectories(parent);
        Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** The page's HTML as it is now, for failure reports. */
    String pageSource() {
        return driver.getPageSource();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Path chromium() {
        return Path.of(System.getenv().getOrDefault("NEWSWATCH_CHROMIUM", "/usr/bin/chromium"));
    }

    private static Path chromedriver() {
        return Path.of(System.getenv().getOrDefault("NEWSWATCH_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }
}
