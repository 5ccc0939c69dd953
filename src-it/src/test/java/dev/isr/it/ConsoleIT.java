package dev.isr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console ({@code /isr/console}) in a real headless Chromium (Debian's {@code chromium} and {@code
 * chromedriver}, which {@code .ci/run} installs), against the deployed demo: a wrong token shows an error and loads
 * nothing; the right one shows the cache; a cached page is found, its tag purged with a confirmation, and the page is
 * gone, then rendered and listed again. The screenshots it saves ({@code target/console/}) are the README's.
 */
class ConsoleIT extends DeployedEar {

    private static final String TOKEN = "it-console-token-0123456789";
    private static final Path SHOTS = Path.of("target", "console");
    private static final Duration WAIT = Duration.ofSeconds(20);

    /**
     * The visible elements whose own text has less contrast with the background it is drawn on than WCAG 2 AA asks
     * (4.5:1; 3:1 for large text), as {@code id-or-tag: text (ratio)}.
     */
    private static final String LOW_CONTRAST = """
            const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
            const lum = ([r, g, b]) => [r, g, b].map(v => v / 255)
                .map(v => v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4))
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const background = el => {
              for (let e = el; e; e = e.parentElement) {
                const c = rgb(getComputedStyle(e).backgroundColor);
                if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
              }
              return [255, 255, 255];
            };
            const low = [];
            for (const el of document.querySelectorAll('body *')) {
              const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
              if (!own || !el.checkVisibility()) continue;
              const style = getComputedStyle(el);
              const a = lum(rgb(style.color)), b = lum(background(el));
              const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
              const size = parseFloat(style.fontSize), bold = Number(style.fontWeight) >= 700;
              const large = size >= 24 || (bold && size >= 18.66);
              if (ratio < (large ? 3 : 4.5)) {
                low.push((el.id || el.tagName) + ': ' + el.textContent.trim().slice(0, 30) + ' (' + ratio.toFixed(2) + ')');
              }
            }
            return low;
            """;

    private ChromeDriverService service;
    private WebDriver browser;
    private WebDriverWait wait;

    @Override
    void beforeDeploy() throws Exception {
        ServerProperties.set("isr.admin.token", TOKEN);
    }

    @AfterAll
    static void removeToken() throws Exception {
        ServerProperties.remove("isr.admin.token");
    }

    @BeforeEach
    void startBrowser() throws Exception {
        Files.createDirectories(SHOTS);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1500",
                "--user-data-dir=" + Files.createTempDirectory("isr-console-chromium"));
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, WAIT);
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    private void open() {
        browser.get(Http.BASE.resolve("/isr/console").toString());
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token")));
    }

    private void signIn(String token) {
        WebElement field = browser.findElement(By.id("token"));
        field.clear();
        field.sendKeys(token, Keys.ENTER); // the keyboard alone signs in
    }

    private WebElement byId(String id) {
        return browser.findElement(By.id(id));
    }

    private void shoot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name), png);
    }

    @Test
    @Tag("wildfly-only") // the page is the same on Payara: its answers are tested there (below)
    void aWrongTokenShowsAnErrorAndLoadsNothing() throws Exception {
        open();
        signIn("not-the-token-at-all");

        wait.until(d -> !byId("login-error").getText().isBlank());
        assertTrue(
                byId("login-error").getText().contains("wrong token"),
                byId("login-error").getText());
        assertFalse(byId("console").isDisplayed(), "the console stays hidden");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#counters dt")), "no counter was loaded");
        assertEquals(List.of(), browser.findElements(By.cssSelector("#entries-body tr")), "no entry was loaded");
        Object stored = ((JavascriptExecutor) browser)
                .executeScript("return [sessionStorage.getItem('isr-admin-token'), document.cookie];");
        assertEquals(List.of("", ""), normalized(stored), "a refused token is not kept, and no cookie is set");
    }

    @Test
    @Tag("wildfly-only") // the page is the same on Payara: its answers are tested there (below)
    void findsACachedPagePurgesItsTagAndSeesItRenderedAgain() throws Exception {
        Http.get("/books/1");
        assertTrue(Http.cacheStatus(Http.get("/books/1")).startsWith("isr; hit;"), "the demo page is cached");

        open();
        signIn(TOKEN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        wait.until(d -> !d.findElements(By.cssSelector("#counters dt")).isEmpty());
        Object stored = ((JavascriptExecutor) browser)
                .executeScript("return [sessionStorage.getItem('isr-admin-token'), document.cookie,"
                        + " localStorage.length + ''];");
        assertEquals(List.of(TOKEN, "", "0"), normalized(stored), "the token is kept in the session only");
        assertFalse(browser.getCurrentUrl().contains(TOKEN), "nor in the URL");

        findByTag("book-1");
        wait.until(d -> !d.findElements(By.cssSelector("#entries-body tr[data-path='/books/1']"))
                .isEmpty());
        explain("/books/1");
        wait.until(d -> byId("explain-cache-status").getText().startsWith("isr; hit;"));
        // traffic for the chart until it has drawn four intervals: hits, and now and then a miss
        int[] sent = {0};
        new WebDriverWait(browser, Duration.ofSeconds(90)).until(d -> {
            int i = sent[0]++;
            try {
                Http.get("/books/" + (1 + i % 3) + (i % 5 == 0 ? "?page=" + i : ""));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Object line = ((JavascriptExecutor) d)
                    .executeScript("const p = document.querySelector('#chart-box path.line-ratio');"
                            + " return p ? p.getAttribute('d') : '';");
            return line.toString().split("L", -1).length > 3; // the chart is redrawn as the page polls
        });
        assertFalse(
                byId("chart-box")
                        .findElement(By.tagName("svg"))
                        .getAttribute("aria-label")
                        .isBlank(),
                "the chart says in words what it shows");
        shoot("console.png");

        new Select(byId("purge-by")).selectByValue("tag");
        byId("purge-value").clear();
        byId("purge-value").sendKeys("book-1");
        byId("purge-submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purge-confirm")));
        assertEquals("purge-confirm-no", browser.switchTo().activeElement().getAttribute("id"), "Cancel has focus");
        browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("purge-confirm")));
        assertTrue(Http.cacheStatus(Http.get("/books/1")).startsWith("isr; hit;"), "a cancelled purge purges nothing");
        byId("purge-submit").click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("purge-confirm")));
        assertTrue(
                byId("purge-confirm-text").getText().contains("book-1"),
                byId("purge-confirm-text").getText());
        byId("purge-confirm-yes").click();

        wait.until(d -> byId("purge-result").getText().startsWith("Purged"));
        assertTrue(
                byId("purge-result")
                        .getText()
                        .matches("Purged [1-9]\\d* entr(y|ies) \\(hard\\); acknowledged by 1 node.*"),
                byId("purge-result").getText());
        wait.until(d -> d.findElements(By.cssSelector("#entries-body tr[data-path='/books/1']"))
                .isEmpty());
        wait.until(d -> byId("events-list").getText().contains("book-1"));

        HttpResponse<String> again = Http.get("/books/1");
        assertTrue(Http.cacheStatus(again).contains("fwd=uri-miss"), "purged: " + Http.cacheStatus(again));
        findByTag("book-1");
        wait.until(d -> !d.findElements(By.cssSelector("#entries-body tr[data-path='/books/1']"))
                .isEmpty());
    }

    @Test
    @Tag("wildfly-only") // the page is the same on Payara: its answers are tested there (below)
    void worksAtAPhonesWidthAndEveryControlHasALabel() throws Exception {
        browser.manage().window().setSize(new Dimension(375, 812));
        open();
        signIn(TOKEN);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("console")));
        wait.until(d -> !d.findElements(By.cssSelector("#counters dt")).isEmpty());
        JavascriptExecutor js = (JavascriptExecutor) browser;
        wait.until(d -> !d.findElements(By.cssSelector("#entries-body tr")).isEmpty()); // every entry, or "No entries"
        assertFalse(
                byId("poll-status").getAttribute("class").contains("error"),
                "the first loads succeeded: " + byId("poll-status").getText());

        Object overflow = js.executeScript("return document.documentElement.scrollWidth - window.innerWidth;");
        assertTrue(((Number) overflow).longValue() <= 0, "no horizontal scrolling at 375 px: " + overflow);
        Object unlabelled = js.executeScript("return [...document.querySelectorAll('input, select')]"
                + ".filter(c => c.labels.length === 0 && !c.getAttribute('aria-label')).map(c => c.id);");
        assertEquals(List.of(), unlabelled, "controls without a label");
        assertEquals(List.of(), js.executeScript(LOW_CONTRAST), "text below WCAG AA contrast (4.5:1, 3:1 if large)");
        shoot("console-phone.png");
    }

    @Test
    void theConsolesOwnAnswersAreNeverStored() throws Exception {
        for (String path : List.of("/isr/console", "/isr/console/console.js", "/isr/console/console.css")) {
            HttpResponse<String> first = Http.get(path);
            HttpResponse<String> second = Http.get(path);
            assertEquals(200, second.statusCode(), path);
            assertEquals(
                    "no-store, private",
                    second.headers().firstValue("Cache-Control").orElse(""),
                    path);
            assertFalse(
                    Http.cacheStatus(first).contains("hit")
                            || Http.cacheStatus(second).contains("hit"),
                    path);
            assertTrue(
                    second.headers()
                            .firstValue("Content-Security-Policy")
                            .orElse("")
                            .contains("script-src 'self'"),
                    path);
        }
        HttpResponse<String> data = Http.get("/isr/console/history", "Authorization", "Bearer " + TOKEN);
        assertEquals(200, data.statusCode(), data.body());
        assertTrue(data.body().startsWith("{\"intervalSeconds\":10,\"at\":["), data.body());
        assertEquals(401, Http.get("/isr/console/history").statusCode(), "the data needs the token");
        assertEquals(404, Http.get("/isr/console/index.html").statusCode(), "only the page's own files are served");
        int traversal = Http.get("/isr/console/..%2FIsrConsoleResource.class").statusCode();
        assertTrue(traversal == 404 || traversal == 400, "a path out of the console's files: " + traversal);
        HttpResponse<String> listed = Http.get("/isr/entries?prefix=/isr", "Authorization", "Bearer " + TOKEN);
        assertTrue(
                listed.body().startsWith("{\"total\":0,"), "nothing under the admin path is stored: " + listed.body());
    }

    private void findByTag(String tag) {
        new Select(byId("entries-by")).selectByValue("tag");
        byId("entries-query").clear();
        byId("entries-query").sendKeys(tag);
        byId("entries-search").click();
    }

    private void explain(String url) {
        byId("explain-url").clear();
        byId("explain-url").sendKeys(url);
        byId("explain-submit").click();
    }

    private static List<String> normalized(Object values) {
        return ((List<?>) values)
                .stream().map(v -> v == null ? "" : v.toString()).toList();
    }
}
