package com.marketpulse.api.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import tools.jackson.databind.JsonNode;

import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** The money at stake on the alerts the API returns: each caller sees their own holding's impact, nobody else's. */
class AlertImpactApiIT extends ApiIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void fresh() {
        clearAlerts();
        ThrottleReset.clear(context);
    }

    @Test
    void aHolderSeesWhatTheMoveDidToTheirHoldingOnEveryListing() {
        store(fall("btc-fall", "BTC/USD", "BTC/USD −4.8 % in 4 min (−$3,427), 6.2× its usual 4-minute move"));
        store(fall("eth-fall", "ETH/USD", "ETH/USD −3.0 % in 5 min, 5.1× its usual 5-minute move"));
        String holder = signUpHolding("{\"symbols\": [\"BTC/USD\", \"ETH/USD\"], \"quantities\": {\"BTC/USD\": 0.8}}");

        JsonNode listed = http.get("/api/alerts", holder).json().get("items");
        JsonNode btc = byId(listed, "btc-fall").get("impact");

        // worth 68,000 / (1 − 0.048) before the fall: 0.8 × (68,000 − 71,428.57) = −2,742.86
        assertThat(btc.get("quantity").asDouble()).isEqualTo(0.8);
        assertThat(btc.get("amount").asDouble()).isEqualTo(-2742.86);
        assertThat(btc.get("currency").asString()).isEqualTo("USD");
        assertThat(btc.get("minutes").asInt()).isEqualTo(4);
        assertThat(btc.get("text").asString()).isEqualTo("your 0.8 BTC: −$2,743 in 4 min");
        assertThat(byId(listed, "eth-fall").get("impact").isNull()).as("held without a quantity").isTrue();
        assertThat(byId(http.get("/api/me/alerts", holder).json().get("items"), "btc-fall").get("impact").get("text")
                .asString()).isEqualTo("your 0.8 BTC: −$2,743 in 4 min");
        assertThat(http.get("/api/alerts/btc-fall", holder).json().get("impact").get("amount").asDouble())
                .isEqualTo(-2742.86);
    }

    @Test
    void anonymousCallersAndOtherUsersSeeNoImpact() {
        store(fall("btc-fall-2", "BTC/USD", "BTC/USD −4.8 % in 4 min (−$3,427)"));
        signUpHolding("{\"symbols\": [\"BTC/USD\"], \"quantities\": {\"BTC/USD\": 2.5}}");
        String other = signUpHolding("{\"symbols\": [\"ETH/USD\"], \"quantities\": {\"ETH/USD\": 3}}");

        assertThat(http.get("/api/alerts").json().get("items").get(0).get("impact").isNull()).isTrue();
        assertThat(http.get("/api/alerts/btc-fall-2").json().get("impact").isNull()).isTrue();
        assertThat(http.get("/api/alerts", other).json().get("items").get(0).get("impact").isNull()).isTrue();
    }

    private String signUpHolding(String portfolio) {
        String name = "impact-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        String token = http.login(name, "violet harbour lanterns");
        Http.Response put = http.put("/api/me/portfolio", portfolio, token);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        return token;
    }

    private static Alert fall(String id, String symbol, String explanation) {
        return new Alert(id, symbol, AlertType.PRICE_SPIKE, Direction.DOWN, 80, SeverityLevel.of(80), T0,
                T0.plusSeconds(240), 68_000, 0.7, "iforest-test", explanation, T0.plusSeconds(241), null);
    }

    private static JsonNode byId(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asString().equals(id)) {
                return item;
            }
        }
        throw new AssertionError("no alert " + id + " in " + items);
    }
}
