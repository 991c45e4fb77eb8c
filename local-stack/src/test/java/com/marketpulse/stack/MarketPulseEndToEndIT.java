package com.marketpulse.stack;

import com.marketpulse.events.json.EventJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.dashboard.Browser;
import com.marketpulse.dashboard.DashboardPage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * MarketPulse end to end, with every part real: the stack's own Kafka broker and PostgreSQL, and
 * detection-service, feature-service, api-service, dashboard-service and delivery-service running as the same jars the run
 * command starts (no ingestion, so the only market is the one this test publishes), driven through headless
 * Chromium. One stack serves the whole class; the steps run in order and build on each other:
 * <ol>
 *   <li>a new user registers, logs in and picks coins (saved at the API);</li>
 *   <li>with the dashboard open, four calm hours of minute bars, a minute of quotes and then a quote 6 % higher
 *       are published to market.source-bars and market.quotes (a thin venue: no trade at all): the spike
 *       becomes an alert row in PostgreSQL and in GET /api/alerts, and is pushed onto the open page (the alert
 *       list, the coin's card and a marker on the coin's chart) without a reload;</li>
 *   <li>on the Notifications page the user adds a webhook to a receiver on loopback, sees its secret once, sends a
 *       test alert and sees it sent in the delivery log (through delivery-service, the one more service here);</li>
 *   <li>the alert rules saved on that page are the API's; with a quantity of BTC in the portfolio, the spike's row
 *       shows what it did to the holding;</li>
 *   <li>after logging out, a second user sees neither the first user's coins nor their alerts, and the first
 *       user finds their coins again at the next login;</li>
 *   <li>the seeded demo user (demo/demo123) logs in and sees the alert, as does the system view;</li>
 *   <li>last, the whole stack is stopped and started again on the same data directory: the alert is still
 *       returned by the API and shown to the demo user.</li>
 * </ol>
 * Screenshots of every page go to target/screenshots/; a failed step adds a screenshot and the page source
 * there. The services' logs are under target/e2e-&lt;time&gt;/logs/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketPulseEndToEndIT {

    private static final String SYMBOL = "BTC/USD";
    private static final String DB_PASSWORD = "e2e-secret";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration PAGE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ALERT_TIMEOUT = Duration.ofSeconds(120);
    private static final JsonMapper json = EventJson.mapper();
    private static final HttpClient http = HttpClient.newHttpClient();

    private static final String FIRST_USER = "alice-e2e";
    private static final String FIRST_PASSWORD = "Quartz-Harbor-41";
    private static final String SECOND_USER = "bob-e2e";
    private static final String SECOND_PASSWORD = "Velvet-Canyon-73";

    /** Under target/, not a temporary directory, so the services' logs are there to read when this fails. */
    private final Path data = Path.of("target", "e2e-" + System.currentTimeMillis()).toAbsolutePath();

    private StackSettings settings;
    private Stack stack;
    private ChromeDriver driver;
    private DashboardPage page;
    private boolean earlierStepFailed;

    /** What the spike step found, for the steps after it. */
    private String alertId;
    private String explanation;

    @RegisterExtension
    final TestWatcher recordFailures = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            earlierStepFailed = true;
            if (driver == null) {
                return;
            }
            String name = "FAILED-" + context.getRequiredTestMethod().getName();
            try {
                Browser.screenshot(driver, name);
                Browser.pageSource(driver, name);
            } catch (IOException | RuntimeException e) {
                cause.addSuppressed(e);
            }
        }
    };

    @BeforeAll
    void startStackAndBrowser() throws Exception {
        settings = FreePorts.settings(data);
        stack = Stack.startInfrastructure(settings, DB_PASSWORD);
        stack.startServices(List.of(Service.DETECTION, Service.FEATURE, Service.API, Service.DASHBOARD,
                Service.DELIVERY), Map.of(), START_TIMEOUT);
        driver = Browser.start(Files.createTempDirectory("chromium-profile"), 1280, 1000);
        page = new DashboardPage(driver, PAGE_TIMEOUT);
    }

    @AfterAll
    void stopBrowserAndStack() throws Exception {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            if (stack != null) {
                stack.close();
            }
        }
    }

    /** The steps build on each other: after a failure the later ones would only repeat it. */
    @BeforeEach
    void skipAfterAFailedStep() {
        org.junit.jupiter.api.Assumptions.assumeFalse(earlierStepFailed, "an earlier step failed");
    }

    @Test
    @Order(1)
    void aNewUserRegistersAndIsSentToLogIn() throws Exception {
        driver.get(dashboard("/"));
        page.waitFor(By.id("login-view"));
        await("the login form").atMost(PAGE_TIMEOUT)
                .until(() -> !driver.findElements(By.cssSelector("vaadin-login-form input[name='username']")).isEmpty());
        Browser.screenshot(driver, "01-login");

        page.waitFor(By.id("register-link")).click();
        page.waitFor(By.id("register-view"));
        page.fillRegistration(FIRST_USER, FIRST_PASSWORD);
        Browser.screenshot(driver, "02-register");
        driver.findElement(By.id("register-submit")).click();

        page.waitFor(By.id("login-view"));
        await("the account-ready notice").atMost(PAGE_TIMEOUT)
                .until(() -> page.text(By.id("login-notice")).contains("Your account is ready"));
        assertThat(apiLogin(FIRST_USER, FIRST_PASSWORD)).as("the API knows the new account").isNotBlank();
    }

    @Test
    @Order(2)
    void theNewUserLogsInAndPicksCoinsWhichAreSavedAtTheApi() throws Exception {
        page.logIn(FIRST_USER, FIRST_PASSWORD);
        page.waitFor(By.id("home-view"));
        assertThat(page.text(By.id("current-user"))).isEqualTo(FIRST_USER);
        awaitLiveFeed();
        assertThat(page.selectedCoins()).as("a new user holds nothing yet").isEmpty();
        Browser.screenshot(driver, "03-dashboard-new-user");

        pick("BTC/USD");
        pick("ETH/USD");

        String token = apiLogin(FIRST_USER, FIRST_PASSWORD);
        await("the portfolio saved at the API").atMost(PAGE_TIMEOUT)
                .until(() -> portfolioAtApi(token), held -> held.equals(List.of("BTC/USD", "ETH/USD")));
        page.waitFor(By.id("coin-BTC-USD"));
        page.waitFor(By.id("coin-ETH-USD"));
        // Web Push is on: the API serves the VAPID key the launcher generated for delivery-service, and the
        // dashboard offers to subscribe this browser with it
        assertThat(apiGet("/api/push/vapid-public-key", null).path("publicKey").asString()).isEqualTo(PushKeys
                .base64Url(PushKeys.publicKey(Files.readString(data.resolve("delivery").resolve("vapid-public-key.pem")))));
        await("the Web Push button").atMost(PAGE_TIMEOUT).ignoreExceptions()
                .until(() -> driver.findElement(By.id("push-subscribe")).isDisplayed());

        driver.get(dashboard("/portfolio"));
        page.waitFor(By.id("portfolio-view"));
        await("BTC/USD ticked as held on the portfolio page").atMost(PAGE_TIMEOUT)
                .until(() -> Boolean.TRUE.equals(page.js("const box = document.querySelector('#held-BTC-USD');"
                        + "return !!box && box.checked === true;")));
        Browser.screenshot(driver, "04-portfolio");
    }

    @Test
    @Order(3)
    void aSpikePublishedWhileTheDashboardIsOpenIsStoredServedAndPushedOntoThePageAndTheChart() throws Exception {
        driver.get(dashboard("/"));
        page.waitFor(By.id("home-view"));
        awaitLiveFeed();
        page.waitFor(By.cssSelector("#chart-BTC-USD"));
        page.js("window.marketPulseNoReload = 'still the same page';");

        Instant spikeTime = CalmThenSpike.publish(stack.kafkaBootstrap(), SYMBOL, 90_000);

        alertId = await("a PRICE_SPIKE alert row for the spike").atMost(ALERT_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> priceSpikeAlertId(spikeTime), id -> id != null);
        assertThat(alertIdsFromApi()).contains(alertId);
        JsonNode alert = alertFromApi(alertId);
        assertThat(alert.path("symbol").asString()).isEqualTo(SYMBOL);
        assertThat(alert.path("type").asString()).isEqualTo("PRICE_SPIKE");
        explanation = alert.path("explanation").asString();
        assertThat(explanation).as("the alert's explanation").isNotBlank();

        await("the alert in the open page's list").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("my-alerts").contains(explanation));
        assertThat(page.gridText("my-alerts")).contains(SYMBOL, "Price spike", "▲ Up");
        await("the alert on the BTC/USD card").atMost(PAGE_TIMEOUT)
                .until(() -> page.text(By.id("coin-BTC-USD")).contains("Last alert: Price spike ▲ Up"));
        await("the alert as a marker on the BTC/USD chart").atMost(PAGE_TIMEOUT)
                .until(() -> chartMarkerIds("chart-BTC-USD"), ids -> ids.contains(alertId));
        assertThat((Long) page.js("return document.querySelectorAll('#chart-BTC-USD canvas').length;"))
                .as("the chart is drawn").isPositive();
        assertThat(chartMarkerIds("chart-ETH-USD")).as("no marker on a coin without alerts").isEmpty();
        assertThat(page.js("return window.marketPulseNoReload;")).as("no reload, no navigation")
                .isEqualTo("still the same page");
        Browser.screenshot(driver, "05-dashboard-live-alert");
        page.js("document.getElementById('my-alerts').scrollIntoView();");
        Browser.screenshot(driver, "05b-dashboard-live-alert-list");
    }

    /**
     * The Notifications page: a webhook channel to a receiver on loopback is added, its secret shown once; "send
     * test alert" goes through the API, delivery-service and the real webhook sender to the receiver, signed with
     * that secret, and shows as sent in the page's delivery log.
     */
    @Test
    @Order(4)
    void aWebhookAddedOnTheNotificationsPageShowsItsSecretOnceAndReceivesATestAlertShownInTheLog() throws Exception {
        try (LoopbackWebhook receiver = new LoopbackWebhook()) {
            driver.get(dashboard("/notifications"));
            page.waitFor(By.id("notifications-view"));
            page.waitFor(By.cssSelector("#channel-target input")).sendKeys(receiver.url("/alerts"));
            page.waitFor(By.cssSelector("#channel-name input")).sendKeys("my server");
            driver.findElement(By.id("channel-add")).click();

            String secret = page.waitFor(By.id("channel-secret")).getText().trim();
            assertThat(secret).startsWith("whsec_");
            await("the channel in the list").atMost(PAGE_TIMEOUT)
                    .until(() -> page.gridText("channels-grid"), grid -> grid.contains("my server")
                            && grid.contains(receiver.url("/alerts")) && grid.contains("Enabled"));
            Browser.screenshot(driver, "05c-notifications-secret-once");
            driver.navigate().refresh();
            page.waitFor(By.id("notifications-view"));
            await("the channel listed again").atMost(PAGE_TIMEOUT)
                    .until(() -> page.gridText("channels-grid").contains("my server"));
            assertThat(driver.findElements(By.id("channel-secret"))).as("the secret is shown once").isEmpty();
            assertThat(driver.getPageSource()).doesNotContain(secret);

            page.waitFor(By.cssSelector("[id^='channel-test-']")).click();

            await("the test alert at the receiver").atMost(PAGE_TIMEOUT).until(() -> receiver.received().size() == 1);
            LoopbackWebhook.Received got = receiver.received().getFirst();
            assertThat(got.signedWith(secret)).as("signed with the secret shown once").isTrue();
            JsonNode body = json.readTree(got.body());
            assertThat(body.path("test").asBoolean()).isTrue();
            assertThat(body.path("alert").path("explanation").asString()).startsWith("Test alert from MarketPulse");
            await("the test alert sent in the delivery log").atMost(PAGE_TIMEOUT)
                    .until(() -> page.gridText("delivery-log"), log -> log.contains("Test alert")
                            && log.contains("Sent") && log.contains("sent (HTTP 200)") && log.contains("my server"));
            Browser.screenshot(driver, "05d-notifications-delivery-log");
            assertThat(receiver.received()).as("sent once").hasSize(1);
        }
    }

    /**
     * The alert rules edited on the Notifications page are the API's; with a quantity in the portfolio, the spike's
     * row on the dashboard says what it did to the holding, as the API computes it.
     */
    @Test
    @Order(5)
    void rulesSavedOnTheNotificationsPageAreTheApisAndTheAlertRowShowsTheHoldingsImpact() throws Exception {
        driver.get(dashboard("/notifications"));
        page.waitFor(By.id("notifications-view"));
        WebElement cooldown = page.waitFor(By.cssSelector("#rules-cooldown input"));
        await("the rules loaded").atMost(PAGE_TIMEOUT).until(() -> "30".equals(cooldown.getAttribute("value")));
        cooldown.sendKeys(Keys.chord(Keys.CONTROL, "a"), "45", Keys.TAB);
        // below the fold of the page (and under its notifications): clicked as the button's own click
        page.js("document.getElementById('rules-save').click();");
        String token = apiLogin(FIRST_USER, FIRST_PASSWORD);
        await("the cooldown saved at the API").atMost(PAGE_TIMEOUT).until(() -> apiGet("/api/me/alert-rules", token)
                .path("defaults").path("cooldownMinutes").asInt() == 45);

        driver.get(dashboard("/portfolio"));
        page.waitFor(By.id("portfolio-view"));
        WebElement quantity = page.waitFor(By.cssSelector("#quantity-BTC-USD input"));
        quantity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "0.5", Keys.TAB);
        page.js("document.getElementById('portfolio-save').click();");
        await("the quantity saved at the API").atMost(PAGE_TIMEOUT).until(() -> apiGet("/api/me/portfolio", token)
                .path("quantities").path(SYMBOL).asDouble() == 0.5);
        String impact = apiGet("/api/alerts/" + alertId, token).path("impact").path("text").asString();
        assertThat(impact).as("the spike's impact on 0.5 BTC").startsWith("your 0.5 BTC: +$");

        driver.get(dashboard("/"));
        page.waitFor(By.id("home-view"));
        await("the impact on the spike's row").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("my-alerts").contains(impact));
        Browser.screenshot(driver, "05e-dashboard-impact");
    }

    @Test
    @Order(6)
    void afterLogOutASecondUserSeesNeitherTheFirstUsersCoinsNorTheirAlerts() throws Exception {
        logOut();
        page.waitFor(By.id("register-link")).click();
        page.waitFor(By.id("register-view"));
        page.fillRegistration(SECOND_USER, SECOND_PASSWORD);
        driver.findElement(By.id("register-submit")).click();
        page.waitFor(By.id("login-view"));
        await("the account-ready notice").atMost(PAGE_TIMEOUT)
                .until(() -> page.text(By.id("login-notice")).contains("Your account is ready"));

        page.logIn(SECOND_USER, SECOND_PASSWORD);
        page.waitFor(By.id("home-view"));
        assertThat(page.text(By.id("current-user"))).isEqualTo(SECOND_USER);
        awaitLiveFeed();
        assertThat(page.selectedCoins()).isEmpty();
        assertThat(driver.findElements(By.cssSelector(".coin-card"))).as("coin cards of the second user").isEmpty();
        assertThat(page.gridText("my-alerts")).doesNotContain(explanation).doesNotContain(SYMBOL);
        assertThat(portfolioAtApi(apiLogin(SECOND_USER, SECOND_PASSWORD))).isEmpty();
        Browser.screenshot(driver, "06-second-user");

        logOut();
        page.logIn(FIRST_USER, FIRST_PASSWORD);
        page.waitFor(By.id("home-view"));
        await("the first user's coins, kept across logins").atMost(PAGE_TIMEOUT)
                .until(() -> page.selectedCoins().equals(List.of("BTC/USD", "ETH/USD")));
        await("the first user's alert, loaded at login").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("my-alerts").contains(explanation));
        logOut();
    }

    @Test
    @Order(7)
    void theSeededDemoUserLogsInAndSeesTheAlertAlsoInTheSystemView() throws Exception {
        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        assertThat(page.text(By.id("current-user"))).isEqualTo("demo");
        await("the demo's coins").atMost(PAGE_TIMEOUT)
                .until(() -> page.selectedCoins().equals(List.of("BTC/USD", "ETH/USD", "SOL/USD")));
        await("the alert in the demo's list").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("my-alerts").contains(explanation));
        await("the alert as a marker on the demo's BTC/USD chart").atMost(PAGE_TIMEOUT)
                .until(() -> chartMarkerIds("chart-BTC-USD"), ids -> ids.contains(alertId));
        Browser.screenshot(driver, "07-demo-dashboard");

        driver.get(dashboard("/system"));
        page.waitFor(By.id("system-view"));
        await("the alert among all alerts").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("all-alerts").contains(explanation));
        await("the stages this stack runs UP at the API").atMost(PAGE_TIMEOUT)
                .until(this::stageStatusesAtApi, stages -> stages.entrySet().containsAll(Map.of("api-service", "UP",
                        "feature-service", "UP", "detection-service", "UP", "dashboard-service", "UP",
                        "ingestion-service", "DOWN", "delivery-service", "UP", "kafka", "UP", "postgresql", "UP")
                        .entrySet()));
        await("the pipeline status").atMost(PAGE_TIMEOUT).until(() -> !page.text(By.id("pipeline-status")).isEmpty());
        await("the pipeline's stages, only ingestion (not started here) down").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("pipeline-stages"), stages -> stages.contains("detection-service")
                        && stages.contains("ingestion-service\nDOWN") && stages.contains("delivery-service")
                        && stages.split("\\bDOWN\\b", -1).length == 2);
        Browser.screenshot(driver, "08-system");
    }

    /** Last: it stops everything and starts the stack again on the same data directory. */
    @Test
    @Order(8)
    void theAlertSurvivesAFullRestartOfTheStack() throws Exception {
        // leave no page of the old dashboard open: its reconnect attempts would reach the new one and become the
        // request that the new login returns to
        logOut();
        driver.get("about:blank");
        stack.close();
        stack = null;
        stack = Stack.startInfrastructure(settings, DB_PASSWORD);
        stack.startServices(List.of(Service.DETECTION, Service.API, Service.DASHBOARD), Map.of(), START_TIMEOUT);

        assertThat(alertIdsFromApi()).as("alerts of the first run after a restart").contains(alertId);

        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get(dashboard("/login"));
        page.logIn("demo", "demo123");
        page.waitFor(By.id("home-view"));
        await("the alert of the first run on the dashboard").atMost(PAGE_TIMEOUT)
                .until(() -> page.gridText("my-alerts").contains(explanation));
        Browser.screenshot(driver, "09-demo-after-restart");
    }

    // --- PostgreSQL and the API -------------------------------------------------------------------------------

    private String priceSpikeAlertId(Instant spikeTime) {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), StackSettings.DATABASE_USER,
                DB_PASSWORD);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT alert_id, event_time FROM detection.alerts
                     WHERE symbol = 'BTC/USD' AND type = 'PRICE_SPIKE' AND direction = 'UP' AND run_id IS NULL""")) {
            while (rows.next()) {
                Instant eventTime = rows.getTimestamp("event_time").toInstant();
                if (!eventTime.isBefore(spikeTime.minusMillis(1))) {
                    return rows.getString("alert_id");
                }
            }
            return null;
        } catch (SQLException e) {
            return null; // the schema appears when detection-service has migrated it
        }
    }

    private List<String> alertIdsFromApi() throws IOException, InterruptedException {
        JsonNode listing = apiGet("/api/alerts?symbol=BTC-USD&limit=100", null);
        List<String> ids = new ArrayList<>();
        for (JsonNode item : listing.path("items")) {
            ids.add(item.path("id").asString());
        }
        return ids;
    }

    private JsonNode alertFromApi(String id) throws IOException, InterruptedException {
        return apiGet("/api/alerts/" + id, null);
    }

    private String apiLogin(String username, String password) throws IOException, InterruptedException {
        URI uri = api("/api/auth/login");
        String body = json.writeValueAsString(Map.of("username", username, "password", password));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s as %s: %s", uri, username, response.body()).isEqualTo(200);
        return json.readTree(response.body()).path("token").asString();
    }

    private Map<String, String> stageStatusesAtApi() throws IOException, InterruptedException {
        Map<String, String> stages = new java.util.HashMap<>();
        for (JsonNode stage : apiGet("/api/status", null).path("stages")) {
            stages.put(stage.path("name").asString(), stage.path("status").asString());
        }
        return stages;
    }

    private List<String> portfolioAtApi(String token) throws IOException, InterruptedException {
        List<String> symbols = new ArrayList<>();
        for (JsonNode symbol : apiGet("/api/me/portfolio", token).path("symbols")) {
            symbols.add(symbol.asString());
        }
        return symbols;
    }

    private JsonNode apiGet(String pathAndQuery, String token) throws IOException, InterruptedException {
        URI uri = api(pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private URI api(String pathAndQuery) {
        return URI.create("http://localhost:" + settings.port(Service.API) + pathAndQuery);
    }

    private String dashboard(String path) {
        return "http://localhost:" + settings.port(Service.DASHBOARD) + path;
    }

    // --- the browser ------------------------------------------------------------------------------------------



    private void logOut() {
        page.waitFor(By.id("logout")).click();
        page.waitFor(By.id("login-view"));
    }

    private void awaitLiveFeed() {
        await("the live alert feed").atMost(PAGE_TIMEOUT).until(() -> page.text(By.id("feed-state")).equals("Live"));
    }

    private void pick(String symbol) {
        WebElement input = page.waitFor(By.cssSelector("#portfolio-picker input"));
        input.click();
        input.sendKeys(symbol);
        await("the picker's item " + symbol).atMost(PAGE_TIMEOUT).until(() -> page.visibleItem(symbol) != null);
        page.visibleItem(symbol).click();
        input.sendKeys(Keys.ESCAPE);
        await(symbol + " picked").atMost(PAGE_TIMEOUT).until(() -> page.selectedCoins().contains(symbol));
    }



    @SuppressWarnings("unchecked")
    private List<String> chartMarkerIds(String chartId) {
        return (List<String>) page.js("const chart = document.getElementById('" + chartId + "');"
                + "return chart && chart.__markerIds ? chart.__markerIds.map(String) : [];");
    }
}
