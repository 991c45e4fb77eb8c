package com.marketpulse.api.alert;

import static com.marketpulse.api.TestAlerts.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.events.AlertType;

class AlertsApiIT extends ApiIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    @BeforeEach
    void freshAlerts() {
        clearAlerts();
    }

    @Test
    void listsLiveAlertsNewestFirstAndLeavesBacktestAlertsOut() {
        store(alert("a1", "BTC/USD", AlertType.PRICE_SPIKE, 50, T0, null));
        store(alert("a2", "ETH/USD", AlertType.VOLUME_ANOMALY, 70, T0.plusSeconds(60), null));
        store(alert("r1", "BTC/USD", AlertType.PRICE_SPIKE, 90, T0.plusSeconds(120), "run-7"));

        Http.Response response = http.get("/api/alerts");

        assertThat(response.status()).isEqualTo(200);
        assertThat(ids(response.json())).containsExactly("a2", "a1");
        assertThat(response.json().get("nextCursor").isNull()).isTrue();
        JsonNode first = response.json().get("items").get(0);
        assertThat(first.get("symbol").asString()).isEqualTo("ETH/USD");
        assertThat(first.get("type").asString()).isEqualTo("VOLUME_ANOMALY");
        assertThat(first.get("severity").asInt()).isEqualTo(70);
        assertThat(first.get("level").asString()).isEqualTo("HIGH");
        assertThat(first.get("eventTime").asString()).isEqualTo("2026-11-20T10:01:00Z");
        assertThat(first.get("modelVersion").asString()).isEqualTo("iforest-test");
        assertThat(first.has("runId")).isFalse();
    }

    @Test
    void pagesThroughEveryAlertExactlyOnceWithTheCursor() {
        for (int i = 0; i < 23; i++) {
            // pairs share an event time, so the cursor must break ties by id
            store(alert("id-" + (100 + i), "BTC/USD", AlertType.PRICE_SPIKE, 50, T0.plusSeconds(i / 2), null));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Http.Response page = http.get("/api/alerts?limit=5" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(5);
            seen.addAll(ids(page.json()));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 22; i >= 0; i--) {
            newestFirst.add("id-" + (100 + i));
        }
        assertThat(seen).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void filtersBySymbolInEitherFormTypeSeverityAndTimeRange() {
        store(alert("btc-low", "BTC/USD", AlertType.PRICE_SPIKE, 20, T0, null));
        store(alert("btc-high", "BTC/USD", AlertType.PRICE_SPIKE, 90, T0.plusSeconds(10), null));
        store(alert("btc-vol", "BTC/USD", AlertType.VOLATILITY_BURST, 90, T0.plusSeconds(20), null));
        store(alert("eth-high", "ETH/USD", AlertType.PRICE_SPIKE, 90, T0.plusSeconds(30), null));
        store(alert("sol-late", "SOL/USD", AlertType.PRICE_SPIKE, 90, T0.plusSeconds(3600), null));

        assertThat(ids(http.get("/api/alerts?symbol=BTC-USD").json())).containsExactly("btc-vol", "btc-high", "btc-low");
        assertThat(ids(http.get("/api/alerts?symbol=BTC/USD&symbol=eth-usd").json()))
                .containsExactly("eth-high", "btc-vol", "btc-high", "btc-low");
        assertThat(ids(http.get("/api/alerts?symbol=BTC-USD&type=PRICE_SPIKE").json()))
                .containsExactly("btc-high", "btc-low");
        assertThat(ids(http.get("/api/alerts?symbol=BTC-USD&minSeverity=50").json())).containsExactly("btc-vol", "btc-high");
        assertThat(ids(http.get("/api/alerts?symbol=BTC-USD&minSeverity=critical").json()))
                .containsExactly("btc-vol", "btc-high");
        assertThat(ids(http.get("/api/alerts?from=2026-11-20T10:00:10Z&to=2026-11-20T10:00:30Z").json()))
                .containsExactly("btc-vol", "btc-high");
        assertThat(ids(http.get("/api/alerts?from=2026-11-20T11:00:00%2B01:00").json()))
                .containsExactly("sol-late", "eth-high", "btc-vol", "btc-high", "btc-low");
    }

    @Test
    void returnsOneAlertByIdAnd404ForAnUnknownOrBacktestId() {
        store(alert("live-1", "SOL/USD", AlertType.VOLUME_ANOMALY, 66, T0, null));
        store(alert("replay-1", "SOL/USD", AlertType.VOLUME_ANOMALY, 66, T0, "run-1"));

        Http.Response found = http.get("/api/alerts/live-1");
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.json().get("id").asString()).isEqualTo("live-1");
        assertThat(found.json().get("symbol").asString()).isEqualTo("SOL/USD");

        for (String missing : List.of("/api/alerts/nope", "/api/alerts/replay-1")) {
            Http.Response response = http.get(missing);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void refusesBadParametersWithAProblemNamingTheParameter() {
        assertProblem("/api/alerts?limit=501", 400, "limit");
        assertProblem("/api/alerts?limit=0", 400, "limit");
        assertProblem("/api/alerts?limit=ten", 400, "limit");
        assertProblem("/api/alerts?symbol=DOGE-USD", 400, "DOGE-USD");
        assertProblem("/api/alerts?symbol=%3Cscript%3E", 400, "Unknown symbol");
        assertProblem("/api/alerts?type=METEOR", 400, "METEOR");
        assertProblem("/api/alerts?minSeverity=101", 400, "minSeverity");
        assertProblem("/api/alerts?minSeverity=huge", 400, "minSeverity");
        assertProblem("/api/alerts?from=yesterday", 400, "from");
        assertProblem("/api/alerts?to=2026-13-01T00:00:00Z", 400, "to");
        assertProblem("/api/alerts?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z", 400, "before");
        assertProblem("/api/alerts?cursor=not-a-cursor!", 400, "cursor");
    }

    @Test
    void requestsRejectedBeforeAnyControllerAreProblemsToo() {
        for (String path : List.of("/api/alerts/a%2F..%2Fb", "/api/alerts/a%5Cb", "/api/nowhere")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).as(path).isBetween(400, 499);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("<html");
        }
    }

    private void assertProblem(String path, int status, String mentioned) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(response.contentType()).as(path).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).as(path).contains(mentioned);
        assertThat(response.body()).as(path).doesNotContain("Exception").doesNotContain("at com.");
    }

    static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
