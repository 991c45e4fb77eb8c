package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import com.marketpulse.alerting.seal.PushKeys;
import com.marketpulse.delivery.support.BrowserSubscription;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.delivery.support.FakePushService;
import com.marketpulse.delivery.support.FakePushService.Received;
import com.marketpulse.delivery.support.VapidCheck;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * From market.alerts to a holder's browser through a push service on loopback: the test subscribes as a browser does
 * (its own P-256 key pair and auth secret), and the fake push service decrypts what it is handed with them and checks
 * the VAPID signature and claims against our public key. Its coins are held by no other IT's users, who would get
 * these alerts too (and these users theirs).
 */
class PushDeliveryIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FakePushService PUSH = new FakePushService();

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    private static Alert drop(String symbol, double price) {
        return drop(symbol, price, Instant.now());
    }

    private static Alert drop(String symbol, double price, Instant at) {
        return new Alert(symbol + "|PRICE_SPIKE|" + at + "|" + UUID.randomUUID(), symbol, AlertType.PRICE_SPIKE,
                Direction.DOWN, 72, SeverityLevel.of(72), at, at, price, 0.8, "m1",
                symbol + " −5.0 % in 4 min, 6.2× its usual 4-minute move", Instant.now(), null);
    }

    @Test
    void aHoldersBrowserGetsTheAlertEncryptedForItAndSignedWithOurVapidKey() throws Exception {
        BrowserSubscription browser = BrowserSubscription.create();
        long user = user(name(), "AVAX/USD", 0.8);
        long channel = webPush(user, PUSH.endpoint("/wpush/v2/holder"), browser);
        Alert alert = drop("AVAX/USD", 65_000);
        Instant sent = Instant.now();

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "SENT".equals(state(alert, channel)));
        List<Received> got = PUSH.at("/wpush/v2/holder");
        assertThat(got).hasSize(1);
        Received push = got.getFirst();
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.header("TTL")).isEqualTo("3600");
        assertThat(push.header("Urgency")).isEqualTo("high");

        VapidCheck.Claims vapid = VapidCheck.verify(push.header("Authorization"),
                PushKeys.base64Url(PushKeys.publicKey(Files.readString(VAPID_PUBLIC_KEY))));
        assertThat(vapid.aud()).isEqualTo(PUSH.origin());
        assertThat(vapid.sub()).startsWith("mailto:");
        assertThat(vapid.exp()).isGreaterThan(sent.getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().plus(Duration.ofHours(24)).getEpochSecond());

        JsonNode shown = EventJson.mapper().readTree(browser.decrypt(push.body()));
        assertThat(shown.get("title").asString()).isEqualTo("AVAX/USD: price spike down (high)");
        assertThat(shown.get("body").asString()).startsWith("your 0.8 AVAX: −$2,737 in 4 min\n")
                .contains(alert.explanation());
        assertThat(shown.get("alertId").asString()).isEqualTo(alert.alertId());
        assertThat(shown.get("deliveryId").asString()).isEqualTo(deliveryId(alert, channel));
        assertThat(shown.get("url").asString()).startsWith("http://localhost:8080/?alert=AVAX%2FUSD%7CPRICE_SPIKE");
    }

    @Test
    void aGoneSubscriptionFailsAtOnceAndItsChannelIsPaused() throws Exception {
        BrowserSubscription browser = BrowserSubscription.create();
        long user = user(name(), "ATOM/USD", 40.0);
        long channel = webPush(user, PUSH.endpoint("/wpush/v2/unsubscribed"), browser);
        PUSH.answer("/wpush/v2/unsubscribed", 410);
        Alert alert = drop("ATOM/USD", 180);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "FAILED".equals(state(alert, channel)));
        assertThat(jdbc.sql("SELECT outcome || ' ' || http_status || ' ' || detail FROM delivery.attempts a "
                        + "JOIN delivery.deliveries d ON d.id = a.delivery_id "
                        + "WHERE d.alert_id = :a AND d.channel_id = :c")
                .param("a", alert.alertId()).param("c", channel).query(String.class).list())
                .singleElement().asString().startsWith("FAILED 410 subscription gone");
        assertThat(jdbc.sql("SELECT paused_at IS NOT NULL FROM delivery.channel_health WHERE channel_id = :c")
                .param("c", channel).query(Boolean.class).single()).as("paused at the first 410").isTrue();

        Alert next = drop("ATOM/USD", 170, alert.eventTime().plus(Duration.ofHours(1)));
        publish(Topics.MARKET_ALERTS, next);
        await().atMost(WAIT).until(() -> "FAILED".equals(state(next, channel)));
        assertThat(PUSH.at("/wpush/v2/unsubscribed")).as("nothing more sent to a gone subscription").hasSize(1);
    }

    @Test
    void aPushServiceThatIsUnavailableOnceThenTakesItDeliversItOnce() throws Exception {
        BrowserSubscription browser = BrowserSubscription.create();
        long user = user(name(), "NEAR/USD", 2.0);
        long channel = webPush(user, PUSH.endpoint("/wpush/v2/busy"), browser);
        PUSH.answer("/wpush/v2/busy", 503);
        Alert alert = drop("NEAR/USD", 3_000);

        publish(Topics.MARKET_ALERTS, alert);

        await().atMost(WAIT).until(() -> "SENT".equals(state(alert, channel)));
        List<Received> got = PUSH.at("/wpush/v2/busy");
        assertThat(got).extracting(Received::status).containsExactly(503, 201);
        assertThat(got.stream().filter(r -> r.status() == 201)).as("taken once").hasSize(1);
        assertThat(EventJson.mapper().readTree(browser.decrypt(got.getLast().body())).get("alertId").asString())
                .isEqualTo(alert.alertId());
        assertThat(jdbc.sql("SELECT outcome FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id"
                        + " WHERE d.alert_id = :a AND d.channel_id = :c ORDER BY a.id").param("a", alert.alertId())
                .param("c", channel).query(String.class).list())
                .containsExactly("RETRY", "SENT");
    }

    /** Of this test's channel: other tests' holders of the coin get the same alert. */
    private String state(Alert alert, long channel) {
        return jdbc.sql("SELECT state FROM delivery.deliveries WHERE alert_id = :a AND channel_id = :c")
                .param("a", alert.alertId()).param("c", channel).query(String.class).optional().orElse(null);
    }

    private String deliveryId(Alert alert, long channel) {
        return jdbc.sql("SELECT id::text FROM delivery.deliveries WHERE alert_id = :a AND channel_id = :c")
                .param("a", alert.alertId()).param("c", channel).query(String.class).single();
    }

    private static String name() {
        return "push-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
