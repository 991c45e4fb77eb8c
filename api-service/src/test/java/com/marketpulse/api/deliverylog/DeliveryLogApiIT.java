package com.marketpulse.api.deliverylog;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
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

/**
 * {@code GET /api/me/deliveries}: the owner's deliveries newest first with every attempt, read from
 * delivery-service's tables as it writes them; another user's are never shown and are 404.
 */
class DeliveryLogApiIT extends ApiIntegrationTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Autowired
    ApplicationContext context;

    @BeforeEach
    void forgetOtherTestsFailures() {
        ThrottleReset.clear(context);
    }

    @Test
    void theOwnerSeesEachDeliveryNewestFirstWithEveryAttemptsOutcome() {
        Account owner = signUp();
        long channel = webhook(owner.token(), "ops hook");
        UUID older = delivery(owner.id(), channel, "alert-1", false, "SENT", T0);
        attempt(older, T0.plusSeconds(1), "RETRY", 503, "HTTP 503");
        attempt(older, T0.plusSeconds(6), "SENT", 200, null);
        UUID newer = delivery(owner.id(), channel, "test-7", true, "FAILED", T0.plusSeconds(60));
        attempt(newer, T0.plusSeconds(61), "FAILED", null, "refused: loopback address");

        Http.Response log = http.get("/api/me/deliveries", owner.token());

        assertThat(log.status()).as(log.body()).isEqualTo(200);
        assertThat(log.json().get("total").asLong()).isEqualTo(2);
        JsonNode items = log.json().get("items");
        assertThat(items.get(0).get("id").asString()).isEqualTo(newer.toString());
        assertThat(items.get(0).get("test").asBoolean()).isTrue();
        assertThat(items.get(0).get("state").asString()).isEqualTo("FAILED");
        assertThat(items.get(0).get("attempts").get(0).get("detail").asString()).isEqualTo("refused: loopback address");
        assertThat(items.get(0).get("attempts").get(0).get("httpStatus").isNull()).isTrue();
        JsonNode sent = items.get(1);
        assertThat(sent.get("channelName").asString()).isEqualTo("ops hook");
        assertThat(sent.get("channelType").asString()).isEqualTo("WEBHOOK");
        assertThat(sent.get("symbol").asString()).isEqualTo("BTC/USD");
        assertThat(sent.get("alertType").asString()).isEqualTo("PRICE_SPIKE");
        assertThat(sent.get("impact").asString()).isEqualTo("your 0.8 BTC: −$2,743 in 4 min");
        assertThat(sent.get("test").asBoolean()).isFalse();
        assertThat(sent.get("digest").isNull()).as("a single alert, no digest").isTrue();
        assertThat(sent.get("attempts")).hasSize(2);
        assertThat(sent.get("attempts").get(0).get("outcome").asString()).isEqualTo("RETRY");
        assertThat(sent.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(503);
        assertThat(sent.get("attempts").get(1).get("outcome").asString()).isEqualTo("SENT");
        assertThat(http.get("/api/me/deliveries/" + older, owner.token()).json().get("attempts")).hasSize(2);
    }

    @Test
    void anotherUsersDeliveriesAreNeverShownAndAre404() {
        Account owner = signUp();
        Account other = signUp();
        long channel = webhook(owner.token(), "mine");
        UUID id = delivery(owner.id(), channel, "alert-2", false, "SENT", T0);

        assertThat(http.get("/api/me/deliveries", other.token()).json().get("items")).isEmpty();
        assertThat(http.get("/api/me/deliveries/" + id, other.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/me/deliveries?channel=" + channel, other.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/me/deliveries/not-a-uuid", owner.token()).status()).isEqualTo(404);
        assertThat(http.get("/api/me/deliveries").status()).as("signed in only").isEqualTo(401);
    }

    @Test
    void pagesThroughTheLogAndFiltersByChannel() {
        Account owner = signUp();
        long first = webhook(owner.token(), "first");
        long second = webhook(owner.token(), "second");
        for (int i = 0; i < 5; i++) {
            delivery(owner.id(), first, "a-" + i, false, "SENT", T0.plusSeconds(i));
        }
        delivery(owner.id(), second, "b-0", false, "PENDING", T0.plusSeconds(10));

        JsonNode page1 = http.get("/api/me/deliveries?size=4", owner.token()).json();
        JsonNode page2 = http.get("/api/me/deliveries?size=4&page=1", owner.token()).json();
        JsonNode onlySecond = http.get("/api/me/deliveries?channel=" + second, owner.token()).json();

        assertThat(page1.get("total").asLong()).isEqualTo(6);
        assertThat(page1.get("items")).hasSize(4);
        assertThat(page1.get("items").get(0).get("alertId").asString()).isEqualTo("b-0");
        assertThat(page1.get("items").get(0).get("nextAttemptAt").isNull()).isFalse();
        assertThat(page2.get("items")).hasSize(2);
        assertThat(page2.get("items").get(1).get("alertId").asString()).isEqualTo("a-0");
        assertThat(onlySecond.get("items")).hasSize(1);
        Http.Response tooBig = http.get("/api/me/deliveries?size=1000", owner.token());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aQuietHoursDigestIsOneEntryListingTheAlertsItCarried() {
        Account owner = signUp();
        long channel = webhook(owner.token(), "night hook");
        UUID digest = UUID.randomUUID();
        Instant end = T0.plusSeconds(3600);
        String payload = """
                {"digest": true, "heldUntil": "%s", "alerts": [
                  {"alert": {"alertId": "eth-1", "symbol": "ETH/USD", "type": "VOLUME_ANOMALY", "direction": "UP",
                             "severity": 55, "eventTime": "2026-11-22T08:40:00Z"}, "impact": null},
                  {"alert": {"alertId": "btc-1", "symbol": "BTC/USD", "type": "PRICE_SPIKE", "direction": "DOWN",
                             "severity": 72, "eventTime": "2026-11-22T08:10:00Z"},
                   "impact": {"text": "your 0.8 BTC: −$2,737 in 4 min"}}]}""".formatted(end);
        jdbc.sql("""
                        INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                            attempts, next_attempt_at, created_at, sent_at, digest)
                        VALUES (:id, :channel, :user, :alert, 72, CAST(:payload AS json), 'SENT', 1, :end, :end, :end,
                            TRUE)""")
                .param("id", digest).param("channel", channel).param("user", owner.id())
                .param("alert", "digest-" + digest).param("payload", payload).param("end", Timestamp.from(end))
                .update();
        attempt(digest, end, "SENT", 200, null);
        for (String carried : new String[] {"eth-1", "btc-1"}) {
            UUID member = delivery(owner.id(), channel, carried, false, "DIGESTED", T0);
            jdbc.sql("UPDATE delivery.deliveries SET digest_id = :d WHERE id = :id").param("d", digest)
                    .param("id", member).update();
        }

        JsonNode log = http.get("/api/me/deliveries", owner.token()).json();

        assertThat(log.get("total").asLong()).as("one message sent").isEqualTo(1);
        JsonNode entry = log.get("items").get(0);
        assertThat(entry.get("id").asString()).isEqualTo(digest.toString());
        assertThat(entry.get("state").asString()).isEqualTo("SENT");
        assertThat(entry.get("explanation").asString()).isEqualTo("2 alerts held during your quiet hours");
        assertThat(entry.get("attempts")).hasSize(1);
        assertThat(Instant.parse(entry.get("digest").get("heldUntil").asString())).isEqualTo(end);
        JsonNode alerts = entry.get("digest").get("alerts");
        assertThat(alerts).extracting(a -> a.get("alertId").asString()).containsExactly("eth-1", "btc-1");
        assertThat(alerts.get(1).get("symbol").asString()).isEqualTo("BTC/USD");
        assertThat(alerts.get(1).get("direction").asString()).isEqualTo("DOWN");
        assertThat(alerts.get(1).get("severity").asInt()).isEqualTo(72);
        assertThat(alerts.get(1).get("impact").asString()).isEqualTo("your 0.8 BTC: −$2,737 in 4 min");
        assertThat(alerts.get(0).get("impact").isNull()).isTrue();
        assertThat(http.get("/api/me/deliveries/" + digest, owner.token()).json().get("digest").get("alerts"))
                .hasSize(2);
    }

    private record Account(long id, String token) {
    }

    private Account signUp() {
        String name = "log-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(http.post("/api/auth/register",
                "{\"username\":\"" + name + "\",\"password\":\"violet harbour lanterns\"}", null).status())
                .isEqualTo(201);
        String token = http.login(name, "violet harbour lanterns");
        return new Account(http.get("/api/me", token).json().get("id").asLong(), token);
    }

    private long webhook(String token, String name) {
        return http.post("/api/me/channels", "{\"type\": \"WEBHOOK\", \"name\": \"" + name
                + "\", \"target\": \"https://hooks.example.com/mp\"}", token).json().get("channel").get("id").asLong();
    }

    /** A delivery as delivery-service stores it (its payload: the alert and the holding's impact). */
    private UUID delivery(long userId, long channel, String alertId, boolean test, String state, Instant created) {
        UUID id = UUID.randomUUID();
        String payload = """
                {"alert": {"alertId": "%s", "symbol": "BTC/USD", "type": "PRICE_SPIKE", "explanation": "BTC/USD −4.8 %% in 4 min"},
                 "impact": {"text": "your 0.8 BTC: −$2,743 in 4 min"}, "heldUntil": null}""".formatted(alertId);
        jdbc.sql("""
                        INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                            attempts, next_attempt_at, created_at, test)
                        VALUES (:id, :channel, :user, :alert, 80, CAST(:payload AS json), :state, 0, :created, :created,
                            :test)""")
                .param("id", id).param("channel", channel).param("user", userId).param("alert", alertId)
                .param("payload", payload).param("state", state).param("created", Timestamp.from(created))
                .param("test", test)
                .update();
        return id;
    }

    private void attempt(UUID delivery, Instant at, String outcome, Integer status, String detail) {
        jdbc.sql("INSERT INTO delivery.attempts (delivery_id, attempted_at, outcome, http_status, detail) "
                        + "VALUES (:id, :at, :outcome, :status, :detail)")
                .param("id", delivery).param("at", Timestamp.from(at)).param("outcome", outcome)
                .param("status", status, java.sql.Types.INTEGER).param("detail", detail)
                .update();
    }
}
