package com.marketpulse.delivery.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.marketpulse.alerting.rules.Rule;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.delivery.send.Signature;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.delivery.support.FakeWebhook.Received;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/** From market.alerts to a holder's webhook, through their rules, against the real broker and database. */
class AlertDeliveryIT extends DeliveryIntegrationTest {

    @Autowired
    MeterRegistry meters;

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static Alert spike(String symbol, Instant at, double price, String runId) {
        String id = symbol + "|PRICE_SPIKE|" + at + "|" + UUID.randomUUID();
        return new Alert(id, symbol, AlertType.PRICE_SPIKE, Direction.DOWN, 72, SeverityLevel.of(72), at, at, price,
                0.8, "m1", symbol + " −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move", Instant.now(), runId);
    }

    private static String name() {
        return "u-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anAlertForAHeldCoinArrivesSignedWithTheHoldingsImpactInMoney() throws Exception {
        long user = user(name(), "BTC/USD", 0.8);
        webhook(user, RECEIVER.url("/signed"), "whsec_test-secret");
        Alert alert = spike("BTC/USD", Instant.now(), 65_000, null);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> !RECEIVER.at("/signed").isEmpty());
        Received got = RECEIVER.at("/signed").getFirst();
        long timestamp = Long.parseLong(got.header("X-MarketPulse-Timestamp"));
        assertThat(got.header("X-MarketPulse-Signature"))
                .isEqualTo(Signature.of("whsec_test-secret", timestamp, got.body()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - timestamp)).isLessThan(60);
        JsonNode body = EventJson.mapper().readTree(got.body());
        assertThat(body.get("deliveryId").asString()).isEqualTo(got.header("X-MarketPulse-Delivery"));
        assertThat(body.get("alert").get("alertId").asString()).isEqualTo(alert.alertId());
        assertThat(body.get("impact").get("text").asString()).isEqualTo("your 0.8 BTC: −$2,737 in 4 min");
        assertThat(body.get("impact").get("amount").asDouble()).isEqualTo(-2736.84);
    }

    @Test
    void aReceiverThatFailsTwiceThenSucceedsGetsTheAlertOnce() throws Exception {
        long user = user(name(), "ETH/USD", 2.0);
        webhook(user, RECEIVER.url("/flaky"), "whsec_flaky");
        RECEIVER.failFirst("/flaky", 2);
        Alert alert = spike("ETH/USD", Instant.now(), 3_000, null);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "SENT".equals(state(alert)));
        assertThat(RECEIVER.at("/flaky")).hasSize(3)
                .extracting(r -> r.header("X-MarketPulse-Delivery")).as("one delivery, tried three times")
                .containsOnly(RECEIVER.at("/flaky").getFirst().header("X-MarketPulse-Delivery"));
        assertThat(jdbc.sql("""
                        SELECT string_agg(outcome || ':' || coalesce(http_status::text, '-'), ',' ORDER BY a.id)
                        FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id
                        WHERE d.alert_id = :alert""").param("alert", alert.alertId()).query(String.class).single())
                .as("the delivery log").isEqualTo("RETRY:503,RETRY:503,SENT:200");
    }

    @Test
    void aCooldownSuppressesTheSecondAlertOfABurst() throws Exception {
        long user = user(name(), "SOL/USD", 10.0);
        webhook(user, RECEIVER.url("/burst"), "whsec_burst");
        rules(user, new RuleSet(ZoneId.of("UTC"),
                new Rule(null, null, null, null, null, Duration.ofMinutes(30), null, null), Map.of()));
        Instant start = Instant.now();
        Alert first = spike("SOL/USD", start, 150, null);
        Alert second = spike("SOL/USD", start.plus(Duration.ofMinutes(8)), 148, null);

        publish(Topics.MARKET_ALERTS, first);
        publish(Topics.MARKET_ALERTS, second);

        await().atMost(WAIT).until(() -> reason(user, second) != null);
        assertThat(reason(user, second)).isEqualTo("COOLDOWN");
        await().atMost(WAIT).until(() -> !RECEIVER.at("/burst").isEmpty());
        assertThat(RECEIVER.at("/burst")).hasSize(1).first()
                .satisfies(r -> assertThat(r.body()).contains(first.alertId()));
        assertThat(state(second)).as("never queued").isNull();
    }

    @Test
    void aSnoozeSuppressesAllAndABacktestAlertNeverArrives() throws Exception {
        long user = user(name(), "DOT/USD", 100.0);
        webhook(user, RECEIVER.url("/snoozed-then-live"), "whsec_s");
        snooze(user, "DOT/USD", Instant.now().plus(Duration.ofMinutes(5)));
        Instant now = Instant.now();
        Alert a = spike("DOT/USD", now, 5, null);
        Alert b = spike("DOT/USD", now.plus(Duration.ofMinutes(40)), 4.8, null);
        Alert replayOnLive = spike("DOT/USD", now.plus(Duration.ofMinutes(80)), 4.5, "run-1");
        Alert replay = spike("DOT/USD", now.plus(Duration.ofMinutes(90)), 4.4, "run-1");

        publish(Topics.MARKET_ALERTS, a);
        publish(Topics.MARKET_ALERTS, b);
        publish(Topics.MARKET_ALERTS, replayOnLive);
        publish(Topics.MARKET_ALERTS_REPLAY, replay);

        await().atMost(WAIT).until(() -> reason(user, b) != null);
        assertThat(reason(user, a)).isEqualTo("SNOOZED");
        assertThat(reason(user, b)).isEqualTo("SNOOZED");
        // the snooze ends; a live alert published after the backtest ones (same key, same partition) arrives
        jdbc.sql("DELETE FROM api.alert_snoozes WHERE user_id = :u").param("u", user).update();
        Alert live = spike("DOT/USD", now.plus(Duration.ofMinutes(120)), 4.3, null);
        publish(Topics.MARKET_ALERTS, live);
        await().atMost(WAIT).until(() -> !RECEIVER.at("/snoozed-then-live").isEmpty());
        assertThat(RECEIVER.at("/snoozed-then-live")).hasSize(1).first()
                .satisfies(r -> assertThat(r.body()).contains(live.alertId()));
        assertThat(reason(user, replayOnLive)).as("never decided for anyone").isNull();
        assertThat(meters.find("marketpulse.delivery.dead.letters").tag("reason", "wrong_stream").counter())
                .as("dead-lettered as a backtest's alert on the live topic").isNotNull()
                .satisfies(c -> assertThat(c.count()).isGreaterThanOrEqualTo(1));
        assertThat(reason(user, replay)).isNull();
    }

    @Test
    void aWebhookOnAPrivateAddressIsRefusedAtSendTime() throws Exception {
        long user = user(name(), "ADA/USD", 1000.0);
        webhook(user, "http://10.1.2.3/hook", "whsec_p");
        Alert alert = spike("ADA/USD", Instant.now(), 0.5, null);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "FAILED".equals(state(alert)));
        assertThat(jdbc.sql("SELECT last_error FROM delivery.deliveries WHERE alert_id = :a")
                .param("a", alert.alertId()).query(String.class).single()).contains("refused", "private");
    }

    private String state(Alert alert) {
        return jdbc.sql("SELECT state FROM delivery.deliveries WHERE alert_id = :a").param("a", alert.alertId())
                .query(String.class).optional().orElse(null);
    }

    private String reason(long user, Alert alert) {
        return jdbc.sql("SELECT coalesce(reason, outcome) FROM delivery.decisions WHERE user_id = :u AND alert_id = :a")
                .param("u", user).param("a", alert.alertId()).query(String.class).optional().orElse(null);
    }
}
