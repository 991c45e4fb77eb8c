package com.marketpulse.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Backtest page in headless Chromium against the fake API, whose runs report progress over a few seconds: a
 * slice of ../shared/data/klines/ is uploaded, the progress bar moves, the alerts show on the chart and in the
 * table; an empty file is refused with the API's message on the page; two runs with different settings compared.
 * Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BacktestBrowserIT {

    private static final FakeApi FAKE = startFake();
    private static ChromeDriver driver;
    private static DashboardPage page;
    private static Path files;
    private static final java.util.concurrent.atomic.AtomicInteger USERS = new java.util.concurrent.atomic.AtomicInteger();

    @LocalServerPort
    int port;
    private String user;

    private static FakeApi startFake() {
        try {
            return new FakeApi().start();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("marketpulse.dashboard.api-url", FAKE::url);
    }

    @BeforeAll
    static void openBrowser() throws IOException {
        driver = Browser.start(Files.createTempDirectory("chromium-profile"), 1280, 1000);
        page = new DashboardPage(driver, Duration.ofSeconds(20));
        files = Files.createTempDirectory("backtest-files");
        FAKE.backtests().duration(Duration.ofSeconds(8));
    }

    /** Each test signs in as its own user, so that it sees only its own runs. */
    @BeforeEach
    void logIn() {
        user = "backtester" + USERS.incrementAndGet();
        FAKE.addUser(user, "backtest-password");
        driver.get("http://localhost:" + port + "/login");
        page.logIn(user, "backtest-password");
        page.waitFor(By.id("home-view"));
        driver.get("http://localhost:" + port + "/backtests");
        page.waitFor(By.id("backtest-view"));
    }

    @AfterEach
    void forgetTheSession() {
        driver.manage().deleteAllCookies();
    }

    @AfterAll
    static void stopAll() {
        driver.quit();
        FAKE.close();
    }

    @Test
    void anUploadedCandleFileShowsAMovingProgressBarThenItsAlertsOnTheChartAndInTheTable() throws Exception {
        type("backtest-symbol", "DOT/USD");
        type("backtest-name", "DOT slice");
        upload(BacktestFiles.dotSliceFile(files));

        List<Double> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Object value = page.js("const bar = document.querySelector(\"vaadin-progress-bar[id^='progress-']\");"
                    + "return bar ? bar.value : null;");
            if (value instanceof Number number && (seen.isEmpty() || seen.getLast() != number.doubleValue())) {
                seen.add(number.doubleValue());
            }
            return seen.size() >= 3;
        });
        assertThat(seen).as("the bar moves forward while the run reads its rows").isSorted()
                .allMatch(value -> value > 0 && value <= 1);
        assertThat(page.text(By.cssSelector("[id^='progress-text-']"))).contains("rows read", "at 2024-11-2",
                "rows/s", "left");
        Browser.screenshot(driver, "backtest-01-running");

        page.waitFor(By.cssSelector("[id^='open-']"));
        assertThat(page.text(By.cssSelector("[id^='state-']"))).isEqualTo("Done");
        click(By.cssSelector("[id^='open-']"));
        page.waitFor(By.id("backtest-alerts"));
        await().until(() -> !page.gridText("backtest-alerts").isBlank());
        assertThat(page.gridText("backtest-alerts")).contains("DOT/USD", "Price spike", "% in 5 min");
        assertThat(page.text(By.id("counts-by-type"))).isEqualTo("2 alerts: Price spike 2, Volume anomaly 0, "
                + "Volatility burst 0");
        await().until(() -> String.valueOf(page.js("const chart = document.getElementById('backtest-chart-DOT-USD');"
                + "return chart && chart.__markerIds ? chart.__markerIds.length : 0;")).equals("2"));
        assertThat((Long) page.js("return document.querySelectorAll('#backtest-chart-DOT-USD canvas').length;"))
                .isPositive();
        assertThat(driver.findElement(By.id("csv-alerts")).getAttribute("href")).isNotBlank();
        Browser.screenshot(driver, "backtest-02-report");
    }

    @Test
    void anEmptyFileIsRefusedWithTheApisMessageOnThePage() throws Exception {
        Path empty = Files.write(files.resolve("empty.csv"), new byte[0]);

        upload(empty);

        await().atMost(Duration.ofSeconds(10)).until(() -> page.text(By.id("backtest-message"))
                .equals("The file empty.csv is empty."));
        assertThat(driver.getPageSource()).doesNotContain("Exception", "at com.");
        Browser.screenshot(driver, "backtest-03-empty-file");
    }

    @Test
    void twoRunsOfTheSameFileWithDifferentSettingsAreComparedSideBySide() throws Exception {
        Path slice = BacktestFiles.dotSliceFile(files);
        type("backtest-symbol", "DOT/USD");
        type("backtest-name", "compare live");
        upload(slice);
        await().until(() -> page.gridText("backtest-runs").contains("compare live"));
        page.js("document.getElementById('backtest-settings').opened = true;");
        type("min-move-5m", "5.6");
        type("backtest-name", "compare 5 %");
        // another file of the same rows: choosing the very same file again would not tell the page anything
        upload(Files.copy(slice, files.resolve("again-" + slice.getFileName())));
        await().until(() -> page.gridText("backtest-runs").contains("min move 5m 5.6 %"));

        await().atMost(Duration.ofSeconds(20)).until(() -> driver.findElements(By.cssSelector("[id^='cancel-']")).isEmpty());
        pick("compare-pick-a", "compare live");
        pick("compare-pick-b", "compare 5 %");
        driver.findElement(By.id("compare")).click();

        page.waitFor(By.id("compare-a"));
        assertThat(page.text(By.id("compare-a"))).contains("A: compare live", "live settings",
                "2 alerts: Price spike 2", "1 alerts raised by both runs", "Only in A (1)");
        assertThat(page.text(By.id("compare-b"))).contains("B: compare 5 %", "min move 5m 5.6 %",
                "1 alerts: Price spike 1", "Only in B (0)");
        await().until(() -> page.gridText("compare-a-only").contains("DOT/USD"));
        Browser.screenshot(driver, "backtest-04-compare");
    }

    @Test
    void aRunningBacktestIsCancelledAndThenDeleted() throws Exception {
        type("backtest-name", "to cancel");
        type("backtest-symbol", "DOT/USD");
        upload(BacktestFiles.dotSliceFile(files));
        click(By.cssSelector("[id^='cancel-']"));

        await().until(() -> page.gridText("backtest-runs").contains("Cancelled"));
        String row = page.gridText("backtest-runs");
        assertThat(row).contains("to cancel", "cancelled by its owner");
        click(By.cssSelector("[id^='delete-']"));

        await().until(() -> FAKE.backtests().count(user) == 0);
        await().until(() -> !page.gridText("backtest-runs").contains("to cancel"));
    }

    /** Clicks the first shown match, again if the grid replaced it meanwhile (a running run's row is re-rendered). */
    private void click(By by) {
        await().ignoreExceptions().until(() -> {
            driver.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElseThrow().click();
            return true;
        });
    }

    private void pick(String comboId, String text) {
        WebElement input = page.waitFor(By.cssSelector("#" + comboId + " input"));
        page.js("document.querySelectorAll('vaadin-notification-card').forEach(card => card.remove());");
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", input);
        input.click();
        input.sendKeys(text);
        await().until(() -> driver.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .anyMatch(item -> item.isDisplayed() && item.getText().startsWith(text)));
        driver.findElements(By.tagName("vaadin-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().startsWith(text)).findFirst().orElseThrow().click();
        await().until(() -> !String.valueOf(page.js("return document.getElementById('" + comboId + "').value;")).isEmpty());
    }

    private void type(String id, String text) {
        WebElement input = page.waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        input.sendKeys(Keys.TAB);
    }

    /** Chooses the file in the upload's file input, which starts the upload at once. */
    private void upload(Path file) {
        WebElement upload = page.waitFor(By.id("backtest-upload"));
        List<WebElement> light = upload.findElements(By.cssSelector("input[type=file]"));
        WebElement input = light.isEmpty() ? upload.getShadowRoot().findElement(By.cssSelector("input[type=file]"))
                : light.getFirst();
        input.sendKeys(file.toAbsolutePath().toString());
    }
}
