package dev.toolgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium driven by Selenium for the console's browser tests: headless, no sandbox, background networking,
 * component updates and sync off, a fresh profile, and only loopback pages opened. Without {@code /usr/bin/chromium},
 * its driver or the axe-core checker ({@code browser/node_modules}, installed by scripts/setup) the tests are skipped,
 * or fail under {@code CI=true}. Every page checked with {@link #checkPage} is scanned by axe-core (no serious or
 * critical violation allowed) and its screenshot written under {@code target/console-screenshots/}.
 */
final class ConsoleBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path AXE = Path.of("..", "browser", "node_modules", "axe-core", "axe.min.js");
    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    final WebDriver driver;
    final String base;
    private final String axe;
    private final Path profile;

    private ConsoleBrowser(WebDriver driver, String base, String axe, Path profile) {
        this.driver = driver;
        this.base = base;
        this.axe = axe;
        this.profile = profile;
    }

    /** Starts Chromium, or skips (fails with CI=true) when it or axe-core is missing. */
    static ConsoleBrowser start(int port) throws IOException {
        boolean ready = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) && Files.isRegularFile(AXE);
        if (!ready) {
            Prerequisites.missing("console browser tests: missing " + CHROMIUM + ", " + CHROMEDRIVER + " or " + AXE
                    + " (scripts/setup installs them)");
        }
        Path profile = Files.createTempDirectory("toolgate-chromium-profile");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
        return new ConsoleBrowser(
                driver, "http://127.0.0.1:" + port, Files.readString(AXE, StandardCharsets.UTF_8), profile);
    }

    /** Opens a console path (loopback only). */
    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void type(String css, String text) {
        WebElement field = find(css);
        field.clear();
        field.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Clicks the link or button whose visible text is {@code text}. */
    void clickText(String text) {
        driver.findElement(
                        By.xpath("//a[normalize-space()='" + text + "'] | //button[normalize-space()='" + text + "']"))
                .click();
    }

    /** Sets a JSON editor's text: the CodeMirror instance when it replaced the textarea, else the textarea. */
    void setJson(String textareaId, String text) {
        ((JavascriptExecutor) driver)
                .executeScript(
                        "var t = document.getElementById(arguments[0]);"
                                + "var cm = t.nextElementSibling && t.nextElementSibling.CodeMirror;"
                                + "if (cm) { cm.setValue(arguments[1]); cm.save(); } else { t.value = arguments[1]; }",
                        textareaId,
                        text);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /**
     * Returns the text of the element {@code css} names, found again while the page is being replaced (a read that
     * meets a node of the page being left is retried).
     */
    String text(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(d -> d.findElement(By.cssSelector(css)).getText());
    }

    /** Waits until the element {@code css} names holds {@code contains}, across a page being replaced. */
    void waitFor(String css, String contains) {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(WebDriverException.class)
                .until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), contains));
    }

    void waitForTitle(String contains) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.titleContains(contains));
    }

    /**
     * Runs axe-core on the page (no serious or critical violation allowed) and writes the page's screenshot as
     * {@code target/console-screenshots/<name>.png}.
     */
    void checkPage(String name) throws IOException {
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "complete".equals(script("return document.readyState")));
        script(axe);
        Object found = ((JavascriptExecutor) driver)
                .executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                        + "  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                        + "    .map(function (v) { return v.impact + ' ' + v.id + ': ' + v.help + ' at '"
                        + "      + v.nodes.map(function (n) { return n.target.join(' '); }).join(', '); }));"
                        + "}).catch(function (e) { done(['axe failed: ' + e]); });");
        // the whole page, not only the first screen: grow the window to the document's height for the shot
        Dimension screen = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        driver.manage().window().setSize(new Dimension(screen.getWidth(), (int) Math.min(Math.max(height, 600), 8000)));
        byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
        driver.manage().window().setSize(screen);
        Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        assertThat((List<?>) found)
                .as("axe-core serious/critical violations on " + name)
                .isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
