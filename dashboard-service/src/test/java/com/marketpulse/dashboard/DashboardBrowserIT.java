package com.marketpulse.dashboard;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium against a fake API: log in as demo, pick coins (saved at the API), and
 * see an alert pushed onto the open page without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    private static final FakeApi FAKE = startFake();

    @LocalServerPort
    int port;

    @TempDir
    Path profile;

    private ChromeDriver driver;

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
        registry.add("marketpulse.dashboard.alert-poll-interval", () -> "1s");
    }

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @BeforeEach
    void openBrowser() {
        driver = Browser.start(profile, 1280, 900);
    }

    @AfterEach
    void closeBrowser() {
        driver.quit();
    }

    @Test
    void demoLogsInPicksCoinsAndSeesANewAlertPushedOntoThePageWithoutReload() throws Exception {
        driver.get(url("/"));
        waitFor(By.id("login-view"));
        Browser.screenshot(driver, "01-login");

        logIn("demo", "demo123");
        waitFor(By.id("home-view"));
        await().until(() -> text(By.id("feed-state")).equals("Live"));

        pick("BTC/USD");
        pick("ETH/USD");
        await().until(() -> FAKE.portfolio("demo").equals(List.of("BTC/USD", "ETH/USD")));
        await().until(() -> FAKE.openStreams() >= 1 && text(By.id("feed-state")).equals("Live"));
        ((JavascriptExecutor) driver).executeScript("window.marketPulseNoReload = 'still the same page';");

        FAKE.publish(alert("it-1", "ETH/USD", Instant.now(), "ETH/USD price 7.3σ above its 50-trade mean"));
        FAKE.publish(alert("it-2", "SOL/USD", Instant.now(), "SOL/USD is not held and must not show"));

        await().atMost(Duration.ofSeconds(10)).until(() -> gridText().contains("ETH/USD price 7.3σ above its 50-trade mean"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.marketPulseNoReload;"))
                .isEqualTo("still the same page");
        assertThat(gridText()).contains("Price spike", "▲ Up", "High 72").doesNotContain("SOL/USD is not held");
        Browser.screenshot(driver, "02-dashboard-live-alert");

        driver.findElement(By.id("logout")).click();
        waitFor(By.id("login-view"));
    }

    @Test
    void thePortfolioIsKeptAcrossLogins() {
        FAKE.addUser("carol", "carol-password");
        driver.get(url("/login"));
        logIn("carol", "carol-password");
        waitFor(By.id("home-view"));
        pick("SOL/USD");
        await().until(() -> FAKE.portfolio("carol").contains("SOL/USD"));
        driver.findElement(By.id("logout")).click();
        waitFor(By.id("login-view"));

        logIn("carol", "carol-password");
        waitFor(By.id("home-view"));

        await().until(() -> selectedCoins().contains("SOL/USD"));
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        driver.get(url("/login"));
        logIn("demo", "wrong-password");

        await().until(() -> driver.getCurrentUrl().contains("error"));
        await().until(() -> pageText().contains("Wrong user name or password"));
        Browser.screenshot(driver, "03-login-wrong-password");
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() {
        FAKE.throttleNextLogins(1);
        driver.get(url("/login"));
        logIn("demo", "demo123");

        await().until(() -> pageText().contains("Too many attempts"));
        assertThat(pageText()).contains("30 seconds");
    }

    private void logIn(String username, String password) {
        WebElement user = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        user.clear();
        user.sendKeys(username);
        WebElement secret = driver.findElement(By.cssSelector("vaadin-login-form input[name='password']"));
        secret.clear();
        secret.sendKeys(password, Keys.ENTER);
    }

    private void pick(String symbol) {
        WebElement input = waitFor(By.cssSelector("#portfolio-picker input"));
        input.click();
        input.sendKeys(symbol);
        await().until(() -> visibleItem(symbol) != null);
        visibleItem(symbol).click();
        input.sendKeys(Keys.ESCAPE);
    }

    private WebElement visibleItem(String text) {
        return driver.findElements(By.tagName("vaadin-multi-select-combo-box-item")).stream()
                .filter(item -> item.isDisplayed() && item.getText().trim().equals(text))
                .findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private List<String> selectedCoins() {
        return (List<String>) ((JavascriptExecutor) driver).executeScript(
                "const box = document.getElementById('portfolio-picker');"
                        + "return box && box.selectedItems ? box.selectedItems.map(i => i.label ?? String(i)) : [];");
    }

    private String gridText() {
        return driver.findElements(By.cssSelector("#my-alerts vaadin-grid-cell-content")).stream()
                .map(WebElement::getText)
                .reduce("", (a, b) -> a + "\n" + b);
    }

    private String pageText() {
        return String.valueOf(((JavascriptExecutor) driver).executeScript(
                "const walk = (n) => (n.shadowRoot ? walk(n.shadowRoot) : '') + Array.from(n.childNodes)"
                        + ".map(c => c.nodeType === 3 ? c.textContent : (c.nodeType === 1 ? walk(c) : '')).join(' ');"
                        + "return walk(document.body);"));
    }

    private String text(By by) {
        var found = driver.findElements(by);
        return found.isEmpty() ? "" : found.getFirst().getText().trim();
    }

    private WebElement waitFor(By by) {
        await().atMost(Duration.ofSeconds(20)).until(() -> !driver.findElements(by).isEmpty());
        return driver.findElement(by);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    static {
        try {
            Files.createDirectories(Browser.SCREENSHOTS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
