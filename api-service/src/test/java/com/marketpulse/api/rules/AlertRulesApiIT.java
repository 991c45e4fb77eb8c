package com.marketpulse.api.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.marketpulse.alerting.rules.QuietHours;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.alerting.rules.RuleSetJson;
import com.marketpulse.api.ApiIntegrationTest;
import com.marketpulse.api.Http;
import com.marketpulse.api.account.ThrottleReset;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;

/** {@code /api/me/alert-rules} and {@code /api/me/snoozes} against the real database. */
class AlertRulesApiIT extends ApiIntegrationTest {

    private String token;
    private long userId;

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void signUp() {
        // every IT signs in from one address: another IT's deliberate failures must not throttle this sign-up
        ThrottleReset.clear(context);
        String name = "rules-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response created = http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        token = http.login(name, "violet harbour lanterns");
        userId = jdbc.sql("SELECT id FROM api.users WHERE username = :n").param("n", name).query(Long.class).single();
    }

    @Test
    void aUserWithoutRulesGetsTheDefaultsFilledIn() {
        Http.Response rules = http.get("/api/me/alert-rules", token);

        assertThat(rules.status()).isEqualTo(200);
        assertThat(rules.json().get("timeZone").asString()).isEqualTo("UTC");
        assertThat(rules.json().get("defaults").get("cooldownMinutes").asInt()).isEqualTo(30);
        assertThat(rules.json().get("defaults").get("types")).hasSize(3);
    }

    @Test
    void putRulesAreStoredAsDeliveryServiceReadsThemAndReturned() {
        Http.Response put = http.put("/api/me/alert-rules", """
                {"timeZone": "Europe/Berlin",
                 "defaults": {"minSeverity": 40, "quietFrom": "22:00", "quietTo": "07:00", "cooldownMinutes": 15},
                 "overrides": {"BTC-USD": {"types": ["PRICE_SPIKE"], "minImpact": 500}}}""", token);

        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.json().get("overrides").has("BTC/USD")).isTrue();
        RuleSet stored = RuleSetJson.read(jdbc.sql("SELECT rules::text FROM api.alert_rule_sets WHERE user_id = :u")
                .param("u", userId).query(String.class).single());
        assertThat(stored.zone().getId()).isEqualTo("Europe/Berlin");
        assertThat(stored.forSymbol("BTC/USD").types()).containsExactly(AlertType.PRICE_SPIKE);
        assertThat(stored.forSymbol("BTC/USD").minSeverity()).as("inherited from the defaults").isEqualTo(40);
        assertThat(stored.forSymbol("BTC/USD").minImpact()).isEqualTo(500.0);
        assertThat(stored.forSymbol("ETH/USD").quietHours()).isEqualTo(
                new QuietHours(java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0)));
        assertThat(stored.forSymbol("ETH/USD").cooldown()).isEqualTo(Duration.ofMinutes(15));
        assertThat(http.get("/api/me/alert-rules", token).json().get("defaults").get("minSeverity").asInt())
                .isEqualTo(40);
    }

    @Test
    void badRulesAreAProblemNamingWhatToChange() {
        assertProblem(http.put("/api/me/alert-rules", "{\"timeZone\": \"Mars/Olympus\"}", token), "time zone");
        assertProblem(http.put("/api/me/alert-rules", "{\"defaults\": {\"minSeverity\": 140}}", token), "severity");
        assertProblem(http.put("/api/me/alert-rules", "{\"defaults\": {\"types\": [\"RUG_PULL\"]}}", token),
                "RUG_PULL");
        assertProblem(http.put("/api/me/alert-rules", "{\"defaults\": {\"quietFrom\": \"22:00\"}}", token), "quietTo");
        assertProblem(http.put("/api/me/alert-rules", "{\"overrides\": {\"DOGE/EUR\": {}}}", token), "symbol");
        assertProblem(http.put("/api/me/alert-rules", "{\"defaults\": {\"cooldownMinutes\": -5}}", token),
                "cooldown");
        assertThat(jdbc.sql("SELECT count(*) FROM api.alert_rule_sets WHERE user_id = :u").param("u", userId)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aCoinIsSnoozedByNameOrFromOneOfItsAlertsAndTheSnoozeCanEnd() {
        Instant before = Instant.now();
        Http.Response byName = http.post("/api/me/snoozes", "{\"symbol\": \"ETH-USD\", \"minutes\": 60}", token);
        String alertId = "snooze-" + UUID.randomUUID();
        store(new Alert(alertId, "SOL/USD", AlertType.PRICE_SPIKE, Direction.DOWN, 70, SeverityLevel.of(70),
                before, before, 150, 0.5, "m", "SOL/USD −5.0 % in 4 min", before, null));
        Http.Response fromAlert = http.post("/api/me/snoozes", "{\"alertId\": \"" + alertId + "\", \"minutes\": 30}",
                token);

        assertThat(byName.status()).as(byName.body()).isEqualTo(200);
        assertThat(Instant.parse(byName.json().get("until").asString()))
                .isBetween(before.plus(Duration.ofMinutes(60)), Instant.now().plus(Duration.ofMinutes(60)));
        assertThat(fromAlert.json().get("symbol").asString()).isEqualTo("SOL/USD");
        assertThat(http.get("/api/me/snoozes", token).json()).hasSize(2);

        http.post("/api/me/snoozes", "{\"symbol\": \"ETH/USD\", \"minutes\": 0}", token);
        assertThat(http.get("/api/me/snoozes", token).json()).hasSize(1);
        assertProblem(http.post("/api/me/snoozes", "{\"symbol\": \"ETH/USD\", \"minutes\": 99999}", token), "minutes");
        assertThat(http.post("/api/me/snoozes", "{\"alertId\": \"nope\", \"minutes\": 5}", token).status())
                .isEqualTo(404);
    }

    @Test
    void rulesNeedASignedInUser() {
        assertThat(http.get("/api/me/alert-rules").status()).isEqualTo(401);
    }

    private static void assertProblem(Http.Response response, String mentions) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).containsIgnoringCase(mentions);
    }
}
