package com.marketpulse.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;

/**
 * Malformed bodies and parameters against every endpoint of api-contract's {@code MarketPulseApi}, on the running
 * application with the real database: truncated, wrong type, NaN or negative, far-future, duplicate and oversized.
 * Each is refused with its own status and problem+json detail, counted once under its reason in
 * {@code marketpulse.api.rejected.requests}, and the API goes on serving normal requests.
 */
class MalformedRequestsIT extends ApiIntegrationTest {

    private static final String JSON = "application/json";
    /** Stands for the signed-in demo user's "Bearer <token>" in a case. */
    private static final String SIGNED_IN = "<signed-in>";
    private static String token;

    @Autowired
    MeterRegistry meters;

    /**
     * @param auth   the Authorization header: null, {@link #SIGNED_IN} or a literal value
     * @param detail a piece of the problem's detail
     * @param reason the rejected-requests counter's reason tag
     */
    record Case(String name, String method, String path, String contentType, String body, String auth, int status,
                String reason, String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedWithItsOwnProblemAndCounterAndTheApiCarriesOn(Case c) {
        String authorization = SIGNED_IN.equals(c.auth()) ? "Bearer " + token() : c.auth();
        double before = rejected(c.reason());

        Http.Response response = http.send(c.method(), c.path(), c.contentType(), c.body(), authorization);

        assertThat(response.status()).as(response.body()).isEqualTo(c.status());
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("detail").asString()).contains(c.detail());
        assertThat(rejected(c.reason())).as("rejected requests counted as " + c.reason()).isEqualTo(before + 1);

        assertThat(http.get("/api/symbols").status()).isEqualTo(200);
        assertThat(http.get("/api/me", token()).status()).as("the signed-in user is still served").isEqualTo(200);
    }

    private double rejected(String reason) {
        Counter counter = meters.find(RejectedRequests.METER).tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private String token() {
        if (token == null) {
            token = http.login("demo", "demo123");
        }
        return token;
    }

    static Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        all.addAll(credentials("/api/auth/register"));
        all.addAll(credentials("/api/auth/login"));
        all.addAll(tokens());
        all.addAll(passwordChanges());
        all.addAll(portfolios());
        all.addAll(alertSearches("/api/alerts", null));
        all.addAll(alertSearches("/api/me/alerts", SIGNED_IN));
        all.addAll(singleAlerts());
        all.addAll(bars());
        return all.stream();
    }

    private static final String NOT_JSON = "not valid JSON";
    private static final String TOO_LONG = "nested too deeply or holds a number or text that is too long";
    private static final String WRONG_SHAPE = "expected a JSON object";

    private static List<Case> credentials(String path) {
        String p = path.substring(path.lastIndexOf('/') + 1) + ": ";
        return List.of(
                post(p + "truncated object", path, "{\"username\":\"abcd\",\"pass", 400, "unreadable-body", NOT_JSON),
                post(p + "truncated after brace", path, "{", 400, "unreadable-body", NOT_JSON),
                post(p + "truncated string", path, "{\"username\":\"ab", 400, "unreadable-body", NOT_JSON),
                post(p + "empty body", path, "", 400, "unreadable-body", "missing"),
                post(p + "username is an array", path, "{\"username\":[\"a\"],\"password\":\"x\"}", 400,
                        "unreadable-body", "invalid value at 'username'"),
                post(p + "password is an object", path, "{\"username\":\"abcd\",\"password\":{\"a\":1}}", 400,
                        "unreadable-body", "invalid value at 'password'"),
                post(p + "body is an array", path, "[\"abcd\",\"password\"]", 400, "unreadable-body", WRONG_SHAPE),
                post(p + "body is a string", path, "\"abcd\"", 400, "unreadable-body", WRONG_SHAPE),
                post(p + "NaN literal", path, "{\"username\":NaN,\"password\":\"x\"}", 400, "unreadable-body",
                        NOT_JSON),
                post(p + "missing password", path, "{\"username\":\"abcd\"}", 400, "bad-request",
                        "Send {\"username\": ..., \"password\": ...}"),
                post(p + "duplicate username key", path,
                        "{\"username\":\"abcd\",\"username\":\"demo\",\"password\":\"x\"}", 400, "unreadable-body",
                        "gives 'username' twice"),
                post(p + "trailing garbage", path, "{\"username\":\"abcd\"} {\"password\":\"x\"}", 400,
                        "unreadable-body", "more after its JSON value"),
                post(p + "oversized body", path, "{\"username\":\"" + "a".repeat(20_000) + "\",\"password\":\"x\"}",
                        413, "body-too-large", "larger than 16384 bytes"),
                post(p + "number of 2000 digits", path, "{\"username\":" + "9".repeat(2000) + ",\"password\":\"x\"}",
                        400, "unreadable-body", TOO_LONG),
                post(p + "nested 2000 deep", path, "{\"extra\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                        400, "unreadable-body", TOO_LONG),
                new Case(p + "form-encoded body", "POST", path, "application/x-www-form-urlencoded",
                        "username=abcd&password=x", null, 415, "unsupported-media-type", "not supported"));
    }

    private static List<Case> tokens() {
        return List.of(
                header("logout without a token", "POST", "/api/auth/logout", null, "Sign in first"),
                header("logout with a garbage token", "POST", "/api/auth/logout", "Bearer abc.def.ghi", "not valid"),
                header("logout with a truncated token", "POST", "/api/auth/logout",
                        "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0", "not valid"),
                header("me with an unsigned token", "GET", "/api/me",
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.", "not valid"),
                header("me with an oversized token", "GET", "/api/me", "Bearer " + "a".repeat(4000), "not valid"),
                header("me with a basic credential", "GET", "/api/me", "Basic ZGVtbzpkZW1vMTIz", "Sign in first"),
                header("portfolio without a token", "GET", "/api/me/portfolio", null, "Sign in first"),
                header("portfolio with a garbage token", "GET", "/api/me/portfolio", "Bearer x", "not valid"),
                header("symbols with a garbage token", "GET", "/api/symbols", "Bearer x", "not valid"),
                header("status with a garbage token", "GET", "/api/status", "Bearer x", "not valid"),
                header("alerts with a garbage token", "GET", "/api/alerts", "Bearer x", "not valid"));
    }

    private static List<Case> passwordChanges() {
        String path = "/api/me/password";
        return List.of(
                signedIn("password: truncated", "POST", path, "{\"currentPassword\":\"dem", 400, "unreadable-body",
                        NOT_JSON),
                signedIn("password: empty body", "POST", path, "", 400, "unreadable-body", "missing"),
                signedIn("password: new password is a number array", "POST", path,
                        "{\"currentPassword\":\"demo123\",\"newPassword\":[1,2]}", 400, "unreadable-body",
                        "invalid value at 'newPassword'"),
                signedIn("password: body is an array", "POST", path, "[]", 400, "unreadable-body", WRONG_SHAPE),
                signedIn("password: missing new password", "POST", path, "{\"currentPassword\":\"demo123\"}", 400,
                        "bad-request", "Send {\"currentPassword\": ..., \"newPassword\": ...}"),
                signedIn("password: duplicate key", "POST", path,
                        "{\"currentPassword\":\"a\",\"currentPassword\":\"b\",\"newPassword\":\"c\"}", 400,
                        "unreadable-body", "gives 'currentPassword' twice"),
                signedIn("password: NaN literal", "POST", path, "{\"currentPassword\":NaN}", 400, "unreadable-body",
                        NOT_JSON),
                signedIn("password: oversized", "POST", path, "{\"currentPassword\":\"" + "x".repeat(17_000) + "\"}",
                        413, "body-too-large", "larger than 16384 bytes"),
                header("password: without a token", "POST", path, null, "Sign in first"));
    }

    private static List<Case> portfolios() {
        String path = "/api/me/portfolio";
        String quantityRule = "must be a number from 0 to 1e15";
        return List.of(
                signedIn("portfolio: truncated", "PUT", path, "{\"symbols\":[\"BTC/USD\"", 400, "unreadable-body",
                        NOT_JSON),
                signedIn("portfolio: empty body", "PUT", path, "", 400, "unreadable-body", "missing"),
                signedIn("portfolio: symbols is a string", "PUT", path, "{\"symbols\":\"BTC/USD\"}", 400,
                        "unreadable-body", "invalid value at 'symbols'"),
                signedIn("portfolio: symbols is an object", "PUT", path, "{\"symbols\":{\"a\":1}}", 400,
                        "unreadable-body", "invalid value at 'symbols'"),
                signedIn("portfolio: quantities is an array", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":[1]}", 400, "unreadable-body",
                        "invalid value at 'quantities'"),
                signedIn("portfolio: quantity is text", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":\"lots\"}}", 400, "unreadable-body",
                        "invalid value at 'quantities.BTC/USD'"),
                signedIn("portfolio: quantity is an object", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":{}}}", 400, "unreadable-body",
                        "invalid value at 'quantities.BTC/USD'"),
                signedIn("portfolio: no symbols", "PUT", path, "{\"quantities\":{}}", 400, "bad-request",
                        "must name the coins held"),
                signedIn("portfolio: body is an array", "PUT", path, "[\"BTC/USD\"]", 400, "unreadable-body",
                        WRONG_SHAPE),
                signedIn("portfolio: NaN literal", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":NaN}}", 400, "unreadable-body",
                        NOT_JSON),
                signedIn("portfolio: NaN as text", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":\"NaN\"}}", 400, "bad-request",
                        quantityRule),
                signedIn("portfolio: Infinity as text", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":\"Infinity\"}}", 400, "bad-request",
                        quantityRule),
                signedIn("portfolio: negative quantity", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":-0.5}}", 400, "bad-request",
                        quantityRule),
                signedIn("portfolio: quantity 1e400", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":1e400}}", 400, "bad-request",
                        quantityRule),
                signedIn("portfolio: quantity above 1e15", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":2e15}}", 400, "bad-request",
                        quantityRule),
                signedIn("portfolio: unknown symbol", "PUT", path, "{\"symbols\":[\"FOO/BAR\"]}", 400, "bad-request",
                        "Unknown symbol 'FOO/BAR'"),
                signedIn("portfolio: symbol is a number", "PUT", path, "{\"symbols\":[42]}", 400, "bad-request",
                        "Unknown symbol '42'"),
                signedIn("portfolio: path-like symbol", "PUT", path, "{\"symbols\":[\"../../etc/passwd\"]}", 400,
                        "bad-request", "Unknown symbol"),
                signedIn("portfolio: NUL in a symbol", "PUT", path, "{\"symbols\":[\"BTC\\u0000/USD\"]}", 400,
                        "bad-request", "Unknown symbol"),
                signedIn("portfolio: quantity of a symbol not held", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"ETH/USD\":1}}", 400, "bad-request",
                        "which is not in 'symbols'"),
                signedIn("portfolio: duplicate quantity in two spellings", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":1,\"BTC-USD\":2}}", 400, "bad-request",
                        "is given twice"),
                signedIn("portfolio: duplicate key", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"symbols\":[\"ETH/USD\"]}", 400, "unreadable-body",
                        "gives 'symbols' twice"),
                signedIn("portfolio: duplicate quantity key", "PUT", path,
                        "{\"symbols\":[\"BTC/USD\"],\"quantities\":{\"BTC/USD\":1,\"BTC/USD\":2}}", 400,
                        "unreadable-body", "gives 'BTC/USD' twice"),
                signedIn("portfolio: 2000 unknown symbols", "PUT", path,
                        "{\"symbols\":[" + "\"X/Y\",".repeat(1999) + "\"X/Y\"]}", 400, "bad-request",
                        "Unknown symbol 'X/Y'"),
                signedIn("portfolio: oversized", "PUT", path,
                        "{\"symbols\":[" + "\"BTC/USD\",".repeat(2000) + "\"BTC/USD\"]}", 413, "body-too-large",
                        "larger than 16384 bytes"),
                new Case("portfolio: text/plain body", "PUT", path, "text/plain", "BTC/USD", SIGNED_IN, 415,
                        "unsupported-media-type", "not supported"));
    }

    private static List<Case> alertSearches(String path, String auth) {
        String p = path + ": ";
        String limitRule = "Parameter 'limit' must be a whole number from 1 to 500";
        String cursorRule = "Parameter 'cursor' is not a cursor from this API";
        List<Case> cases = new ArrayList<>(List.of(
                get(p + "limit 0", path + "?limit=0", auth, 400, "bad-request", limitRule),
                get(p + "negative limit", path + "?limit=-1", auth, 400, "bad-request", limitRule),
                get(p + "limit 501", path + "?limit=501", auth, 400, "bad-request", limitRule),
                get(p + "limit beyond a long", path + "?limit=99999999999999999999", auth, 400, "bad-request",
                        limitRule),
                get(p + "limit NaN", path + "?limit=NaN", auth, 400, "bad-request", limitRule),
                get(p + "duplicate limit", path + "?limit=5&limit=6", auth, 400, "bad-request", limitRule),
                get(p + "far-future from", path + "?from=%2B300000-01-01T00:00:00Z", auth, 400, "bad-request",
                        "Parameter 'from' must lie between"),
                get(p + "far-future to", path + "?to=%2B300000-01-01T00:00:00Z", auth, 400, "bad-request",
                        "Parameter 'to' must lie between"),
                get(p + "far-past from", path + "?from=-300000-01-01T00:00:00Z", auth, 400, "bad-request",
                        "Parameter 'from' must lie between"),
                get(p + "from is not a time", path + "?from=yesterday", auth, 400, "bad-request",
                        "Parameter 'from' must be an ISO-8601 time"),
                get(p + "from after to", path + "?from=2026-02-01&to=2026-01-01", auth, 400, "bad-request",
                        "Parameter 'from' must be before 'to'"),
                get(p + "forged far-future cursor", path + "?cursor=" + cursor("+300000-01-01T00:00:00Z|x"), auth,
                        400, "bad-request", cursorRule),
                get(p + "truncated cursor", path + "?cursor=" + cursor("2026-01-01T00:00:00Z|x").substring(0, 10),
                        auth, 400, "bad-request", cursorRule),
                get(p + "unknown type", path + "?type=FOO", auth, 400, "bad-request", "Unknown alert type 'FOO'"),
                get(p + "negative severity", path + "?minSeverity=-5", auth, 400, "bad-request",
                        "must be between 0 and 100"),
                get(p + "unknown symbol", path + "?symbol=FOO-BAR", auth, 400, "bad-request",
                        "Unknown symbol 'FOO-BAR'")));
        if (auth == null) {
            cases.addAll(List.of(
                    get(p + "limit is a fraction", path + "?limit=1.5", auth, 400, "bad-request", limitRule),
                    get(p + "limit of 3000 digits", path + "?limit=" + "9".repeat(3000), auth, 400, "bad-request",
                            limitRule),
                    get(p + "year 0000", path + "?from=0000-01-01T00:00:00Z", auth, 400, "bad-request",
                            "Parameter 'from' must lie between"),
                    get(p + "month 13", path + "?to=2026-13-01", auth, 400, "bad-request",
                            "Parameter 'to' must be an ISO-8601 time"),
                    get(p + "duplicate from", path + "?from=2026-01-01&from=2026-01-02", auth, 400, "bad-request",
                            "Parameter 'from' must be an ISO-8601 time"),
                    get(p + "from equals to", path + "?from=2026-01-01&to=2026-01-01", auth, 400, "bad-request",
                            "Parameter 'from' must be before 'to'"),
                    get(p + "garbage cursor", path + "?cursor=%25%25%25", auth, 400, "bad-request", cursorRule),
                    get(p + "cursor with a NUL id", path + "?cursor=" + cursor("2026-01-01T00:00:00Z|a\u0000b"), auth,
                            400, "out-of-range", "out of the range"),
                    get(p + "numeric type", path + "?type=123", auth, 400, "bad-request", "Unknown alert type '123'"),
                    get(p + "severity 101", path + "?minSeverity=101", auth, 400, "bad-request",
                            "must be between 0 and 100"),
                    get(p + "severity NaN", path + "?minSeverity=NaN", auth, 400, "bad-request",
                            "must be a number 0–100 or one of"),
                    get(p + "severity beyond an int", path + "?minSeverity=99999999999", auth, 400, "bad-request",
                            "must be a number 0–100 or one of"),
                    get(p + "NUL inside a symbol", path + "?symbol=BTC%00USD", auth, 400, "bad-request", "Unknown symbol"),
                    get(p + "three-part symbol", path + "?symbol=BTC/USD/EUR", auth, 400, "bad-request",
                            "Unknown symbol"),
                    get(p + "oversized symbol", path + "?symbol=" + "A".repeat(4000), auth, 400, "bad-request",
                            "Unknown symbol")));
        }
        return cases;
    }

    private static List<Case> singleAlerts() {
        return List.of(
                get("alert: unknown id", "/api/alerts/no-such-alert", null, 404, "not-found",
                        "No alert with id 'no-such-alert'"),
                get("alert: NUL in the id", "/api/alerts/a%00b", null, 400, "bad-request", "refused"),
                get("alert: request line of 20 KB", "/api/alerts/" + "x".repeat(20_000), null, 400, "bad-request",
                        "refused"),
                new Case("me: header of 20 KB", "GET", "/api/me", null, null, "Bearer " + "x".repeat(20_000), 400,
                        "bad-request", "refused"),
                get("alert: encoded slash in the id", "/api/alerts/a%2Fb", null, 400, "bad-request", "refused"),
                get("alert: oversized id", "/api/alerts/" + "x".repeat(3000), null, 404, "not-found",
                        "No alert with id"));
    }

    private static List<Case> bars() {
        String path = "/api/symbols/BTC-USD/bars";
        return List.of(
                get("bars: unknown symbol", "/api/symbols/FOO-BAR/bars", null, 400, "bad-request",
                        "Unknown symbol 'FOO-BAR'"),
                get("bars: not a pair", "/api/symbols/BTCUSD/bars", null, 400, "bad-request", "Unknown symbol"),
                get("bars: far-future from", path + "?from=%2B300000-01-01T00:00:00Z", null, 400, "bad-request",
                        "Parameter 'from' must lie between"),
                get("bars: far-future to", path + "?to=%2B300000-01-01T00:00:00Z", null, 400, "bad-request",
                        "Parameter 'to' must lie between"),
                get("bars: far-past from", path + "?from=-999999999-01-01T00:00:00Z", null, 400, "bad-request",
                        "Parameter 'from' must lie between"),
                get("bars: from is a number", path + "?from=12345", null, 400, "bad-request",
                        "Parameter 'from' must be an ISO-8601 time"),
                get("bars: from after to", path + "?from=2026-01-02&to=2026-01-01", null, 400, "bad-request",
                        "Parameter 'from' must be before 'to'"),
                get("bars: unknown interval", path + "?interval=2m", null, 400, "bad-request",
                        "Parameter 'interval' must be one of"),
                get("bars: negative interval", path + "?interval=-1m", null, 400, "bad-request",
                        "Parameter 'interval' must be one of"),
                get("bars: NaN interval", path + "?interval=NaN", null, 400, "bad-request",
                        "Parameter 'interval' must be one of"),
                get("bars: duplicate interval", path + "?interval=1m&interval=5m", null, 400, "bad-request",
                        "Parameter 'interval' must be one of"),
                get("bars: too many bars", path + "?from=1970-01-01&to=9999-12-31&interval=1m", null, 400,
                        "bad-request", "at most 2000 per request"),
                get("bars: oversized interval", path + "?interval=" + "1".repeat(3000), null, 400, "bad-request",
                        "Parameter 'interval' must be one of"),
                get("bars: duplicate to", path + "?to=2026-01-02&to=2026-01-03", null, 400, "bad-request",
                        "Parameter 'to' must be an ISO-8601 time"));
    }

    private static String cursor(String plain) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    private static Case post(String name, String path, String body, int status, String reason, String detail) {
        return new Case(name, "POST", path, JSON, body, null, status, reason, detail);
    }

    private static Case signedIn(String name, String method, String path, String body, int status, String reason,
                                 String detail) {
        return new Case(name, method, path, JSON, body, SIGNED_IN, status, reason, detail);
    }

    private static Case get(String name, String path, String auth, int status, String reason, String detail) {
        return new Case(name, "GET", path, null, null, auth, status, reason, detail);
    }

    private static Case header(String name, String method, String path, String auth, String detail) {
        return new Case(name, method, path, null, null, auth, 401, "unauthorized", detail);
    }
}
