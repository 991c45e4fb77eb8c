package com.marketpulse.dashboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.databind.json.JsonMapper;

import com.marketpulse.api.contract.AlertPage;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.api.contract.ClientAddressHeader;
import com.marketpulse.api.contract.IssuedToken;
import com.marketpulse.api.contract.Portfolio;

class ApiClientTest {

    private final MockWebServer server = new MockWebServer();
    private ApiClient api;

    @BeforeEach
    void start() throws Exception {
        server.start();
        api = client(URI.create("http://" + server.getHostName() + ":" + server.getPort()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static final String SECRET = "client-address-secret-shared-with-the-api-0123456789";
    private static final SignInClient BROWSER = new SignInClient("203.0.113.7", null);

    static ApiClient client(URI url) {
        return client(url, SECRET);
    }

    static ApiClient client(URI url, String secret) {
        var properties = new ApiProperties(url, Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofSeconds(30), Duration.ofMinutes(1), secret);
        return new ApiClient(RestClient.builder(), properties, JsonMapper.builder().build());
    }

    @Test
    void loginForwardsTheBrowsersAddressSignedWithTheSharedSecretAndItsDeviceToken() throws Exception {
        server.enqueue(json(200, "{\"token\":\"t-1\",\"expiresAt\":\"2026-11-24T20:00:00Z\"}")
                .newBuilder().setHeader("MarketPulse-Device", "device-2").build());

        SignedIn signedIn = api.login("demo", "demo123", new SignInClient("203.0.113.7", "device-1"));

        assertThat(signedIn.deviceToken()).as("the API's device token for the browser").isEqualTo("device-2");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().get("MarketPulse-Device")).isEqualTo("device-1");
        String forwarded = request.getHeaders().get(ClientAddressHeader.NAME);
        assertThat(ClientAddressHeader.withSecret(SECRET).verify(forwarded, Instant.now(), Duration.ofSeconds(30)))
                .as("the API, holding the same secret, believes the browser's address").contains("203.0.113.7");
        assertThat(ClientAddressHeader.withSecret("a-different-secret-the-attacker-guessed-0123")
                .verify(forwarded, Instant.now(), Duration.ofSeconds(30))).as("signed, not just named").isEmpty();
    }

    @Test
    void registrationForwardsTheBrowsersAddressSigned() throws Exception {
        server.enqueue(json(201, "{\"id\":1,\"username\":\"alice\",\"createdAt\":\"2026-11-24T20:00:00Z\"}"));

        api.register("alice", "long-enough-password", "198.51.100.4");

        String forwarded = server.takeRequest().getHeaders().get(ClientAddressHeader.NAME);
        assertThat(ClientAddressHeader.withSecret(SECRET).verify(forwarded, Instant.now(), Duration.ofSeconds(30)))
                .contains("198.51.100.4");
    }

    @Test
    void withoutASecretNothingIsForwarded() throws Exception {
        ApiClient unconfigured = client(URI.create("http://" + server.getHostName() + ":" + server.getPort()), "");
        server.enqueue(json(200, "{\"token\":\"t-1\",\"expiresAt\":\"2026-11-24T20:00:00Z\"}"));

        unconfigured.login("demo", "demo123", BROWSER);

        assertThat(server.takeRequest().getHeaders().get(ClientAddressHeader.NAME)).isNull();
    }

    @Test
    void loginPostsTheCredentialsAndReturnsTheToken() throws Exception {
        server.enqueue(json(200, "{\"token\":\"t-1\",\"expiresAt\":\"2026-11-24T20:00:00Z\"}"));

        IssuedToken token = api.login("demo", "demo123", BROWSER).token();

        assertThat(token.token()).isEqualTo("t-1");
        assertThat(token.expiresAt()).isEqualTo(Instant.parse("2026-11-24T20:00:00Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/api/auth/login");
        assertThat(request.getBody().utf8()).contains("\"username\":\"demo\"").contains("\"password\":\"demo123\"");
        assertThat(token.toString()).doesNotContain("t-1");
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        server.enqueue(problem(401, "Bad credentials"));

        assertThatThrownBy(() -> api.login("demo", "nope", BROWSER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiException.Problem.UNAUTHORIZED);
                    assertThat(e.status()).isEqualTo(401);
                });
    }

    @Test
    void throttledLoginSaysHowLongToWait() {
        server.enqueue(new MockResponse.Builder().code(429).setHeader("Retry-After", "30").build());

        assertThatThrownBy(() -> api.login("demo", "nope", BROWSER))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiException.Problem.THROTTLED);
                    assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
                    assertThat(e.userMessage()).contains("30 seconds");
                });
    }

    @Test
    void takenUserNameIsAConflictWithTheApisReason() {
        server.enqueue(problem(409, "User name 'demo' is already taken"));

        assertThatThrownBy(() -> api.register("demo", "long-enough-password", "203.0.113.7"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiException.Problem.CONFLICT);
                    assertThat(e.userMessage()).isEqualTo("User name 'demo' is already taken");
                });
    }

    @Test
    void weakPasswordIsInvalidAndTheDetailSaysWhy() {
        server.enqueue(problem(400, "Password must have at least 8 characters"));

        assertThatThrownBy(() -> api.register("alice", "short", "203.0.113.7"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiException.Problem.INVALID);
                    assertThat(e.detail()).contains("Password must have at least 8 characters");
                });
    }

    @Test
    void callsAfterLoginCarryTheBearerToken() throws Exception {
        server.enqueue(json(200, "{\"symbols\":[\"BTC/USD\",\"ETH/USD\"],\"quantities\":{\"BTC/USD\":0.5}}"));

        Portfolio portfolio = api.portfolio("t-1");

        assertThat(portfolio.symbols()).containsExactly("BTC/USD", "ETH/USD");
        assertThat(portfolio.quantities()).containsEntry("BTC/USD", 0.5);
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer t-1");
    }

    @Test
    void portfolioWithoutQuantitiesReadsAsEmptyQuantities() {
        server.enqueue(json(200, "{\"symbols\":[\"SOL/USD\"]}"));

        assertThat(api.portfolio("t-1").quantities()).isEmpty();
    }

    @Test
    void savingThePortfolioPutsItAsJson() throws Exception {
        server.enqueue(new MockResponse.Builder().code(204).build());

        api.savePortfolio("t-1", new Portfolio(List.of("BTC/USD"), Map.of("BTC/USD", 2.0)));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("PUT");
        assertThat(request.getTarget()).isEqualTo("/api/me/portfolio");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getBody().utf8()).contains("\"symbols\":[\"BTC/USD\"]").contains("\"BTC/USD\":2.0");
    }

    @Test
    void alertListingPassesFiltersAndKeepsNanoseconds() throws Exception {
        server.enqueue(json(200, """
                {"items":[{"id":"a-1","symbol":"BTC/USD","type":"PRICE_SPIKE","direction":"UP","severity":91,
                  "level":"CRITICAL","eventTime":"2026-11-24T12:00:00.123456789Z","endTime":null,"price":64000.5,
                  "score":0.8,"modelVersion":"m1","explanation":"price 6.1σ above its mean",
                  "detectedAt":"2026-11-24T12:00:00.2Z","someFieldAddedLater":true}],
                 "nextCursor":"c-2"}
                """));

        AlertPage page = api.myAlerts("t-1", new AlertQuery(20, "c-1", "PRICE_SPIKE", "BTC/USD", null, null));

        assertThat(page.nextCursor()).isEqualTo("c-2");
        assertThat(page.items()).singleElement().satisfies(alert -> {
            assertThat(alert.id()).isEqualTo("a-1");
            assertThat(alert.severity()).isEqualTo(91);
            assertThat(alert.eventTime()).isEqualTo(Instant.parse("2026-11-24T12:00:00.123456789Z"));
            assertThat(alert.endTime()).isNull();
        });
        var url = server.takeRequest().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/me/alerts");
        assertThat(url.queryParameter("limit")).isEqualTo("20");
        assertThat(url.queryParameter("cursor")).isEqualTo("c-1");
        assertThat(url.queryParameter("type")).isEqualTo("PRICE_SPIKE");
        assertThat(url.queryParameter("symbol")).isEqualTo("BTC/USD");
        assertThat(url.queryParameter("from")).isNull();
    }

    @Test
    void barsUseTheDashedSymbolInThePath() throws Exception {
        server.enqueue(json(200, "[{\"start\":\"2026-11-24T12:00:00Z\",\"open\":1,\"high\":2,\"low\":0.5,\"close\":1.5,\"volume\":10,\"trades\":4}]"));

        var bars = api.bars("t-1", "BTC/USD", Instant.parse("2026-11-24T11:00:00Z"), Instant.parse("2026-11-24T12:00:00Z"), "1m");

        assertThat(bars).singleElement().extracting(BarDto::close).isEqualTo(1.5);
        var url = server.takeRequest().getUrl();
        assertThat(url.encodedPath()).isEqualTo("/api/symbols/BTC-USD/bars");
        assertThat(url.queryParameter("from")).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(url.queryParameter("interval")).isEqualTo("1m");
    }

    @Test
    void serverErrorIsUnavailable() {
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());

        assertThatThrownBy(() -> api.symbols("t-1"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiException.Problem.UNAVAILABLE));
    }

    @Test
    void unreachableApiIsUnavailableWithAClearMessage() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var offline = client(URI.create("http://127.0.0.1:" + closedPort));

        assertThatThrownBy(() -> offline.me("t-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.problem()).isEqualTo(ApiException.Problem.UNAVAILABLE);
                    assertThat(e.userMessage()).contains("not reachable").doesNotContain("Exception");
                });
    }

    @Test
    void unreadableAnswerIsAProtocolProblem() {
        server.enqueue(json(200, "{not json"));

        assertThatThrownBy(() -> api.me("t-1"))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.problem()).isEqualTo(ApiException.Problem.PROTOCOL));
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(ProblemReader.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
        assertThat(ProblemReader.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
        assertThat(ProblemReader.retryAfter("soon")).isNull();
        assertThat(ProblemReader.retryAfter(null)).isNull();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse problem(int code, String detail) {
        return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/problem+json")
                .body("{\"type\":\"about:blank\",\"status\":" + code + ",\"detail\":\"" + detail + "\"}").build();
    }
}
