package com.marketpulse.dashboard;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The dashboard in headless Chromium against a fake API (see {@link FakeApi}): log in, register, pick coins
 * (saved at the API), see alerts pushed onto the open page without a reload, the system view, themes, a
 * phone-sized screen. Screenshots go to target/screenshots/.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DashboardBrowserIT {

    private static final FakeApi FAKE = startFake();
    private static ChromeDriver driver;
    private static DashboardPage page;

    @LocalServerPort
    int port;

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

    @BeforeAll
    static void openBrowser() throws IOException {
        driver = Browser.start(Files.createTempDirectory("chromium-profile"), 1280, 900);
        page = new DashboardPage(driver, Duration.ofSeconds(20));
    }

    @AfterEach
    void forgetTheSession() {
        driver.manage().deleteAllCookies();
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @AfterAll
    static void stopAll() {
        driver.quit();
        FAKE.close();
    }

    @Test
    void demoLogsInPicksCoinsAndSeesANewAlertPushedOntoThePageWithoutReload() throws Exception {
        driver.get(url("/"));
        page.waitFor(By.id("login-view"));
        Browser.screenshot(driver, "01-login");

        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        await().until(() -> page.text(By.id("feed-state")).equals("Live"));

        pick("BTC/USD");
        pick("ETH/USD");
        await().until(() -> FAKE.portfolio("demo").equals(List.of("BTC/USD", "ETH/USD")));
        await().until(() -> FAKE.openStreams() >= 1 && page.text(By.id("feed-state")).equals("Live"));
        page.js("window.marketPulseNoReload = 'still the same page';"
                + "window.shownNotifications = [];"
                + "window.Notification = class { constructor(title) { window.shownNotifications.push(title); }"
                + " static get permission() { return 'granted'; } };");

        FAKE.publish(alert("it-1", "ETH/USD", Instant.now(), "ETH/USD price 7.3σ above its 50-trade mean"));
        FAKE.publish(alert("it-2", "SOL/USD", Instant.now(), "SOL/USD is not held and must not show"));

        await().atMost(Duration.ofSeconds(10)).until(() -> page.gridText("my-alerts").contains("7.3σ above its 50-trade mean"));
        assertThat(page.js("return window.marketPulseNoReload;")).isEqualTo("still the same page");
        assertThat(page.gridText("my-alerts")).contains("Price spike", "▲ Up", "High 72").doesNotContain("SOL/USD is not held");
        await().until(() -> page.text(By.cssSelector("#coin-ETH-USD .coin-price")).equals("$102.00"));
        assertThat(page.text(By.id("coin-ETH-USD"))).contains("+2.00 % 1h", "Last alert: Price spike ▲ Up");
        assertThat(page.text(By.id("notify-toggle"))).isEqualTo("Browser notifications on");
        await().until(() -> String.valueOf(page.js("const chart = document.getElementById('chart-ETH-USD');"
                + "return chart && chart.__markerIds ? chart.__markerIds.join(',') : '';")).equals("it-1"));
        assertThat((Long) page.js("return document.querySelectorAll('#chart-ETH-USD canvas').length;")).isPositive();
        assertThat(driver.findElement(By.id("chart-ETH-USD")).isDisplayed()).as("the chart shows once bars exist").isTrue();
        assertThat(driver.findElement(By.cssSelector("#coin-ETH-USD .chart-placeholder")).isDisplayed())
                .as("the no-trades-yet placeholder is gone once bars exist").isFalse();
        await().until(() -> String.valueOf(page.js("return window.shownNotifications.join('|');"))
                .contains("ETH/USD: Price spike ▲ Up"));
        Browser.screenshot(driver, "02-dashboard-live-alert");

        driver.findElement(By.id("logout")).click();
        page.waitFor(By.id("login-view"));
    }

    /**
     * Headless Chromium here cannot reach a real push service (its PushManager.subscribe would ask Google's), so the
     * test stands in for that one call with the subscription a browser returns; the service worker's registration,
     * the VAPID key handed to subscribe and the POST of the subscription to the API are the dashboard's own. A push
     * message is then handed to the service worker as the browser would, through DevTools' deliverPushMessage.
     */
    @Test
    void notifyThisBrowserSubscribesThroughTheApiAndItsServiceWorkerShowsAPushedAlert() {
        driver.get(url("/push-sw.js"));
        assertThat(driver.getPageSource()).as("served without a session").contains("showNotification",
                "notificationclick");
        driver.get(url("/"));
        page.waitFor(By.id("login-view"));
        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        await().ignoreExceptions().until(() -> driver.findElement(By.id("push-subscribe")).isDisplayed());
        page.js("""
                window.subscribedWith = null;
                PushManager.prototype.subscribe = async function (options) {
                  window.subscribedWith = options.applicationServerKey;
                  return {toJSON: () => ({endpoint: 'https://push.example.net/wpush/v2/it', expirationTime: null,
                    keys: {p256dh: 'BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4',
                           auth: 'BTBZMqHH6r4Tts7J_aSIgg'}})};
                };""");

        driver.findElement(By.id("push-subscribe")).click();

        await().atMost(Duration.ofSeconds(15)).until(() -> FAKE.exchanges().stream().anyMatch(e ->
                e.path().equals("/api/me/channels/webpush") && e.requestBody().contains("/wpush/v2/it")));
        assertThat(page.js("return window.subscribedWith;")).isEqualTo(FakeApi.VAPID_KEY);
        assertThat(page.js("return navigator.serviceWorker.getRegistration('/push/')"
                + ".then(r => r && r.active ? r.active.scriptURL : null);")).asString().endsWith("/push-sw.js");
        assertThat(page.js("return navigator.serviceWorker.getRegistration('/')"
                + ".then(r => r && r.active ? r.active.scriptURL : null);")).as("Vaadin's own is kept")
                .asString().endsWith("/sw.js");
        await().until(() -> page.text(By.id("push-subscribe")).equals("This browser gets alerts"));

        // what a push service would hand the browser, delivered to the service worker through Chromium's DevTools;
        // a fresh profile numbers its registrations from 0 (Vaadin's own at '/' is one of them and shows nothing)
        driver.executeCdpCommand("ServiceWorker.enable", Map.of());
        String message = "{\"title\":\"BTC/USD: price spike down (high)\",\"body\":\"your 0.8 BTC: −$2,737 in 4 min\","
                + "\"alertId\":\"a-1\",\"tag\":\"marketpulse-a-1\",\"url\":\"/?alert=a-1\"}";
        for (int id = 0; id < 4; id++) {
            try {
                driver.executeCdpCommand("ServiceWorker.deliverPushMessage", Map.of("origin", url("").replaceAll("/$", ""),
                        "registrationId", Integer.toString(id), "data", message));
            } catch (RuntimeException notThisOne) {
                // another registration id
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> String.valueOf(page.js(
                "return navigator.serviceWorker.getRegistration('/push/').then(r => r.getNotifications())"
                        + ".then(shown => shown.map(n => n.title + '|' + n.body + '|' + n.tag).join(','));")),
                shown -> shown.equals("BTC/USD: price spike down (high)|your 0.8 BTC: −$2,737 in 4 min|marketpulse-a-1"));
        driver.findElement(By.id("logout")).click();
        page.waitFor(By.id("login-view"));
    }

    @Test
    void thePortfolioIsKeptAcrossLoginsAndAnotherUserDoesNotSeeIt() {
        FAKE.addUser("carol", "carol-password");
        FAKE.addUser("dave", "dave-password");
        driver.get(url("/login"));
        page.logIn("carol", "carol-password");
        page.waitFor(By.id("home-view"));
        pick("SOL/USD");
        await().until(() -> FAKE.portfolio("carol").contains("SOL/USD"));
        driver.findElement(By.id("logout")).click();
        page.waitFor(By.id("login-view"));

        page.logIn("dave", "dave-password");
        page.waitFor(By.id("home-view"));
        await().until(() -> page.text(By.id("feed-state")).equals("Live"));
        assertThat(page.selectedCoins()).isEmpty();
        FAKE.publish(alert("carol-only", "SOL/USD", Instant.now(), "only for holders of SOL"));
        driver.findElement(By.id("logout")).click();
        page.waitFor(By.id("login-view"));

        page.logIn("carol", "carol-password");
        page.waitFor(By.id("home-view"));
        await().until(() -> page.selectedCoins().equals(List.of("SOL/USD")));
        await().until(() -> page.gridText("my-alerts").contains("only for holders of SOL"));
    }

    @Test
    void aNewUserRegistersWithClearMessagesAndLogsIn() throws Exception {
        driver.get(url("/login"));
        page.waitFor(By.id("register-link")).click();
        page.waitFor(By.id("register-view"));

        register("demo", "long-enough-password");
        await().until(() -> page.text(By.id("register-problem")).contains("The user name 'demo' is taken"));

        register("erin", "short");
        await().until(() -> page.text(By.id("register-problem")).contains("Password must have at least 8 characters"));
        Browser.screenshot(driver, "04-register-weak-password");

        register("erin", "erin-password");
        page.waitFor(By.id("login-view"));
        assertThat(page.text(By.id("login-notice"))).contains("Your account is ready");
        page.logIn("erin", "erin-password");
        page.waitFor(By.id("home-view"));
        assertThat(page.text(By.id("current-user"))).isEqualTo("erin");
    }

    @Test
    void anExpiredSessionAsksToLogInAgain() {
        FAKE.addUser("gina", "gina-password");
        driver.get(url("/login"));
        page.logIn("gina", "gina-password");
        page.waitFor(By.id("home-view"));
        await().until(() -> page.text(By.id("feed-state")).equals("Live"));

        FAKE.expireTokens();

        await().until(() -> page.text(By.id("feed-state")).equals("Session expired"));
        page.waitFor(By.id("log-in-again")).click();
        page.waitFor(By.id("login-view"));
    }

    @Test
    void aWrongPasswordSaysSo() throws Exception {
        driver.get(url("/login"));
        page.logIn("demo", "wrong-password");

        await().until(() -> driver.getCurrentUrl().contains("error"));
        await().until(() -> pageText().contains("Wrong user name or password"));
        Browser.screenshot(driver, "03-login-wrong-password");
    }

    @Test
    void aThrottledLoginSaysHowLongToWait() {
        FAKE.throttleNextLogins(1);
        driver.get(url("/login"));
        page.logIn("demo", "demo123");

        await().until(() -> pageText().contains("Too many attempts"));
        assertThat(pageText()).contains("30 seconds");
    }

    @Test
    void theSystemViewShowsThePipelineAndEveryAlertLive() throws Exception {
        driver.get(url("/login"));
        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        driver.get(url("/system"));
        page.waitFor(By.id("system-view"));
        await().until(() -> page.text(By.id("pipeline-status")).equals("DEGRADED"));
        assertThat(page.text(By.id("pipeline-summary"))).contains("iforest-test", "7 alerts in the last hour");
        await().until(() -> page.gridText("pipeline-stages").contains("detection-service"));
        await().until(() -> page.text(By.id("feed-state")).equals("Live"));

        FAKE.publish(alert("sys-1", "SOL/USD", Instant.now(), "every coin shows here"));

        await().until(() -> page.gridText("all-alerts").contains("every coin shows here"));
        Browser.screenshot(driver, "05-system");
    }

    @Test
    void worksOnAPhoneSizedScreenInTheDarkTheme() throws Exception {
        driver.manage().window().setSize(new Dimension(390, 844));
        driver.get(url("/login"));
        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        page.waitFor(By.id("theme-toggle")).click();

        await().until(() -> String.valueOf(page.js("return getComputedStyle(document.documentElement).colorScheme;"))
                .contains("dark"));
        assertThat((Long) page.js("return document.documentElement.scrollWidth;")).isLessThanOrEqualTo(390L);
        Browser.screenshot(driver, "06-phone-dark");
        page.js("document.getElementById('my-alerts').scrollIntoView();");
        Browser.screenshot(driver, "06b-phone-dark-alerts");
        driver.get(url("/portfolio"));
        page.waitFor(By.id("portfolio-view"));
        await().until(() -> String.valueOf(page.js("return getComputedStyle(document.documentElement).colorScheme;"))
                .contains("dark"));
    }

    @Test
    void quantitiesAreSavedFromThePortfolioPage() throws Exception {
        FAKE.addUser("frank", "frank-password");
        driver.get(url("/login"));
        page.logIn("frank", "frank-password");
        page.waitFor(By.id("home-view"));
        driver.get(url("/portfolio"));
        page.waitFor(By.id("held-BTC-USD")).click();
        WebElement amount = page.waitFor(By.cssSelector("#quantity-BTC-USD input"));
        amount.sendKeys("0.5", Keys.TAB);
        driver.findElement(By.id("portfolio-save")).click();

        await().until(() -> FAKE.portfolio("frank").equals(List.of("BTC/USD")));
        await().until(() -> FAKE.quantities("frank").equals(java.util.Map.of("BTC/USD", 0.5)));
        Browser.screenshot(driver, "07-portfolio");
        driver.get(url("/"));
        await().until(() -> page.text(By.id("coin-BTC-USD")).contains("You hold 0.5 = $51.00"));
    }

    private void register(String username, String password) {
        page.fillRegistration(username, password);
        driver.findElement(By.id("register-submit")).click();
    }


    private void pick(String symbol) {
        WebElement input = page.waitFor(By.cssSelector("#portfolio-picker input"));
        input.click();
        input.sendKeys(symbol);
        await().until(() -> page.visibleItem(symbol) != null);
        page.visibleItem(symbol).click();
        input.sendKeys(Keys.ESCAPE);
    }




    private String pageText() {
        return String.valueOf(page.js("const walk = (n) => (n.shadowRoot ? walk(n.shadowRoot) : '') + Array.from(n.childNodes)"
                + ".map(c => c.nodeType === 3 ? c.textContent : (c.nodeType === 1 ? walk(c) : '')).join(' ');"
                + "return walk(document.body);"));
    }




    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
