package com.marketpulse.dashboard;

import static com.marketpulse.dashboard.Alerts.alert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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

import com.marketpulse.api.contract.AlertRule;
import com.marketpulse.api.contract.SnoozeRequest;

/**
 * The dashboard in headless Chromium against a fake API (see {@link FakeApi}): log in, register, pick coins
 * (saved at the API), see alerts pushed onto the open page without a reload, snooze a coin from its alert, per-coin
 * alert rules, the system view, themes, a phone-sized screen. Screenshots go to target/screenshots/.
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

    @Test
    void snoozesACoinFromItsAlertRowAndEndsTheSnoozeOnTheNotificationsPage() throws Exception {
        FAKE.addUser("hana", "hana-password");
        FAKE.hold("hana", "BTC/USD");
        FAKE.publish(alert("snooze-me", "BTC/USD", Instant.now(), "BTC/USD price 6.1σ below its 50-trade mean"));
        driver.get(url("/login"));
        page.logIn("hana", "hana-password");
        page.waitFor(By.id("home-view"));
        await().until(() -> page.gridText("my-alerts").contains("6.1σ below"));

        page.click(By.id("snooze-snooze-me"));
        await().until(() -> page.visibleItem("vaadin-context-menu-item", "4 hours") != null);
        page.visibleItem("vaadin-context-menu-item", "4 hours").click();

        await().until(() -> FAKE.snoozeRequests().contains(new SnoozeRequest(null, "snooze-me", 240)));
        ZoneId zone = ZoneId.of(String.valueOf(page.js("return Intl.DateTimeFormat().resolvedOptions().timeZone;")));
        String until = DateTimeFormatter.ofPattern("HH:mm").format(FAKE.snoozes("hana").getFirst().until().atZone(zone));
        await().until(() -> page.gridText("my-alerts").contains("Snoozed until"));
        assertThat(page.gridText("my-alerts")).contains(until);
        page.js("document.getElementById('coin-BTC-USD').scrollIntoView();");
        await().until(() -> page.text(By.cssSelector("#coin-BTC-USD .coin-snoozed")).startsWith("Snoozed until"));
        assertThat(page.text(By.cssSelector("#coin-BTC-USD .coin-snoozed"))).contains(until);
        Browser.screenshot(driver, "08-snoozed-from-alert");

        driver.get(url("/notifications"));
        await().until(() -> page.gridText("snoozes-grid").contains("BTC/USD"));
        assertThat(page.gridText("snoozes-grid")).contains(until);
        Browser.screenshot(driver, "10-snoozed-coins");
        page.click(By.id("snooze-end-BTC-USD"));

        await().until(() -> FAKE.snoozeRequests().contains(new SnoozeRequest("BTC/USD", null, 0)));
        await().until(() -> !page.gridText("snoozes-grid").contains("BTC/USD"));
        assertThat(FAKE.snoozes("hana")).isEmpty();
        driver.get(url("/"));
        await().until(() -> page.gridText("my-alerts").contains("6.1σ below"));
        assertThat(page.gridText("my-alerts")).doesNotContain("Snoozed until");
    }

    @Test
    void addsThenEditsAPerCoinOverrideAndTheApiGetsExactlyTheOverridesThePageShows() throws Exception {
        FAKE.addUser("ivan", "ivan-password");
        FAKE.hold("ivan", "ETH/USD");
        driver.get(url("/login"));
        page.logIn("ivan", "ivan-password");
        page.waitFor(By.id("home-view"));
        driver.get(url("/notifications"));
        page.click(By.id("override-add"));
        page.click(By.cssSelector("#override-coin input"));
        await().until(() -> page.visibleItem("vaadin-combo-box-item", "ETH/USD · in my portfolio") != null);
        page.visibleItem("vaadin-combo-box-item", "ETH/USD · in my portfolio").click();
        type("override-min-move", "5");
        type("override-cooldown", "60");
        Browser.screenshot(driver, "11-override-editor");
        page.click(By.id("override-apply"));

        await().until(() -> page.gridText("rules-overrides").contains("min move 5.0 % · cooldown 60 min"));
        assertThat(page.text(By.id("rules-unsaved"))).isEqualTo("Overrides changed: not saved yet");
        page.click(By.id("rules-save"));
        await().until(() -> FAKE.rules("ivan").overrides()
                .equals(Map.of("ETH/USD", new AlertRule(null, null, 5.0, null, null, null, 60, null, null))));
        await().until(() -> !driver.findElement(By.id("rules-unsaved")).isDisplayed());

        page.click(By.id("override-edit-ETH-USD"));
        await().until(() -> "60".equals(page.waitFor(By.cssSelector("#override-cooldown input")).getDomProperty("value")));
        assertThat(driver.findElement(By.cssSelector("#override-min-move input")).getDomProperty("value")).isEqualTo("5");
        type("override-cooldown", "120");
        page.click(By.xpath("//*[@id='override-types']//vaadin-checkbox[normalize-space(.)='Price spike']"));
        page.click(By.id("override-repeat"));
        await().until(() -> page.visibleItem("vaadin-select-item", "No") != null);
        page.visibleItem("vaadin-select-item", "No").click();
        page.click(By.id("override-apply"));
        page.click(By.id("rules-save"));

        var edited = new AlertRule(List.of("PRICE_SPIKE"), null, 5.0, null, null, null, 120, null, false);
        await().until(() -> FAKE.rules("ivan").overrides().equals(Map.of("ETH/USD", edited)));
        await().until(() -> page.gridText("rules-overrides")
                .contains("types price spike · min move 5.0 % · cooldown 120 min · no repeat when growing"));
        Browser.screenshot(driver, "09-override-edited");

        page.click(By.id("override-edit-ETH-USD"));
        type("override-cooldown", "20000");
        page.click(By.id("override-apply"));
        page.click(By.id("rules-save"));
        await().until(() -> pageText().contains("ETH/USD: cooldown must be between 0 and 7 days."));
        assertThat(FAKE.rules("ivan").overrides()).as("refused, so nothing changed").isEqualTo(Map.of("ETH/USD", edited));
    }

    /** Replaces the text of a Vaadin field (by id) and leaves it, so that its value is committed. */
    private void type(String fieldId, String text) {
        WebElement input = page.waitFor(By.cssSelector("#" + fieldId + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text, Keys.TAB);
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
