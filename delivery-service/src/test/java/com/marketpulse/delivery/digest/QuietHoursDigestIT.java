package com.marketpulse.delivery.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.test.utils.ContainerTestUtils;

import com.marketpulse.alerting.rules.QuietHours;
import com.marketpulse.alerting.rules.Rule;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.delivery.send.Signature;
import com.marketpulse.delivery.support.BrowserSubscription;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.delivery.support.FakePushService;
import com.marketpulse.delivery.support.FakeWebhook.Received;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/**
 * Quiet hours that end a few seconds into the test, against the real broker and database: the alerts they held for a
 * user arrive at their end as ONE message per channel (one signed webhook body carrying all of them, one mail, one
 * Telegram message, one Web Push notification), retried like any delivery, each held alert carried by that digest and never sent alone; a user
 * with one held alert gets the normal single-alert message.
 */
class QuietHoursDigestIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final FakePushService PUSH = new FakePushService();

    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    DigestFormer former;

    @AfterAll
    static void stop() {
        PUSH.close();
    }

    @BeforeEach
    void listening() {
        // the quiet hours end seconds from now: the alerts must be taken before, so the listener must be assigned
        listeners.getListenerContainers().forEach(c -> ContainerTestUtils.waitForAssignment(c, 3));
    }

    private static Alert spike(String symbol, Instant at, double price) {
        return new Alert(symbol + "|PRICE_SPIKE|" + at + "|" + UUID.randomUUID(), symbol, AlertType.PRICE_SPIKE,
                Direction.DOWN, 72, SeverityLevel.of(72), at, at, price, 0.8, "m1",
                symbol + " −5.0 % in 4 min (−$3,421), 6.2× its usual 4-minute move", Instant.now(), null);
    }

    private static String name() {
        return "night-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Quiet hours in UTC from an hour ago to {@code end} (to the second). */
    private void quietUntil(long user, Instant end) {
        LocalTime to = LocalTime.ofInstant(end, ZoneOffset.UTC);
        rules(user, new RuleSet(ZoneOffset.UTC, new Rule(null, null, null, null,
                new QuietHours(to.minusHours(1), to), null, null, null), Map.of()));
    }

    private void hold(long user, String symbol, double quantity) {
        jdbc.sql("INSERT INTO api.portfolio_holdings (user_id, symbol, quantity) VALUES (:u, :s, :q)")
                .param("u", user).param("s", symbol).param("q", quantity).update();
    }

    @Test
    void alertsHeldForQuietHoursArriveAtTheirEndAsOneMessagePerChannel() throws Exception {
        long user = user(name(), "AAVE/USD", 0.8);
        hold(user, "MKR/USD", 2.0);
        hold(user, "CRV/USD", 10.0);
        long hook = webhook(user, RECEIVER.url("/digest"), "whsec_digest");
        String address = "sleeper-" + user + "@example.com";
        long mail = unconfirmedEmail(user, address, "token-" + new SecureRandom().nextLong());
        confirm(mail);
        long chat = 880_000_000L + user;
        long phone = telegram(user, "sleeper", "code-" + user, Instant.now().plusSeconds(600));
        jdbc.sql("INSERT INTO delivery.telegram_chats (channel_id, chat_id, code_hash) VALUES (:c, :chat, :h)")
                .param("c", phone).param("chat", chat).param("h", "linked-" + phone).update();
        BrowserSubscription browser = BrowserSubscription.create();
        webPush(user, PUSH.endpoint("/wpush/v2/sleeper"), browser);
        RECEIVER.failFirst("/digest", 1);
        long loner = user(name(), "FIL/USD", 100.0);
        webhook(loner, RECEIVER.url("/digest-single"), "whsec_single");

        Instant end = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS);
        quietUntil(user, end);
        quietUntil(loner, end);
        Instant now = Instant.now();
        // coins no other test uses: the database is shared by the test classes of this JVM
        Alert aave = spike("AAVE/USD", now.minusSeconds(180), 65_000);
        Alert mkr = spike("MKR/USD", now.minusSeconds(120), 3_000);
        Alert crv = spike("CRV/USD", now.minusSeconds(60), 150);
        Alert fil = spike("FIL/USD", now.minusSeconds(30), 5);
        for (Alert alert : List.of(aave, mkr, crv, fil)) {
            publish(Topics.MARKET_ALERTS, alert);
        }

        await().atMost(WAIT).until(() -> held(user) == 3 && held(loner) == 1);
        assertThat(Instant.now()).as("held before the quiet hours ended").isBefore(end);
        assertThat(RECEIVER.at("/digest")).as("nothing during quiet hours").isEmpty();

        await().atMost(WAIT).until(() -> "SENT".equals(digestState(hook)) && !RECEIVER.at("/digest-single").isEmpty()
                && !TELEGRAM.sentTo(chat).isEmpty() && !alertMails(address).isEmpty()
                && !PUSH.at("/wpush/v2/sleeper").isEmpty());

        // the webhook: one digest, retried after a 503, carrying all three alerts newest first
        List<Received> posts = RECEIVER.at("/digest");
        assertThat(posts).hasSize(2).extracting(r -> r.header("X-MarketPulse-Delivery")).as("one delivery, twice tried")
                .containsOnly(posts.getFirst().header("X-MarketPulse-Delivery"));
        Received got = posts.getLast();
        assertThat(got.at()).as("at the end of the quiet hours").isAfterOrEqualTo(end);
        long timestamp = Long.parseLong(got.header("X-MarketPulse-Timestamp"));
        assertThat(got.header("X-MarketPulse-Signature")).isEqualTo(Signature.of("whsec_digest", timestamp, got.body()));
        JsonNode body = EventJson.mapper().readTree(got.body());
        String digestId = body.get("deliveryId").asString();
        assertThat(digestId).isEqualTo(got.header("X-MarketPulse-Delivery"));
        assertThat(body.get("digest").asBoolean()).isTrue();
        assertThat(Instant.parse(body.get("heldUntil").asString())).isEqualTo(end);
        assertThat(body.get("alerts")).extracting(a -> a.get("alert").get("alertId").asString())
                .containsExactly(crv.alertId(), mkr.alertId(), aave.alertId());
        assertThat(body.get("alerts").get(2).get("impact").get("text").asString())
                .isEqualTo("your 0.8 AAVE: −$2,737 in 4 min");
        assertThat(log(hook)).as("the digest's attempts").isEqualTo("RETRY:503,SENT:200");
        assertThat(jdbc.sql("""
                        SELECT string_agg(state || ':' || coalesce(digest_id::text, '-'), ',') FROM delivery.deliveries
                        WHERE channel_id = :c AND NOT digest""").param("c", hook).query(String.class).single())
                .as("each held alert carried by the digest").isEqualTo(String.join(",",
                        List.of("DIGESTED:" + digestId, "DIGESTED:" + digestId, "DIGESTED:" + digestId)));

        // email: one mail with the count in its subject; Telegram: one message
        MimeMessage morning = alertMails(address).getFirst();
        assertThat(morning.getSubject()).isEqualTo(
                "MarketPulse: 3 alerts held during your quiet hours (CRV/USD, MKR/USD, AAVE/USD)");
        assertThat(morning.getMessageID()).as("the email channel's own digest")
                .isEqualTo("<delivery-" + digestId(mail) + "@marketpulse.example>");
        assertThat(TELEGRAM.sentTo(chat)).singleElement().satisfies(sent -> assertThat(sent.text())
                .startsWith("🌙 <b>3 alerts held during your quiet hours</b>").contains("CRV/USD", "MKR/USD",
                        "<b>your 0.8 AAVE: −$2,737 in 4 min</b>"));

        // Web Push: one notification, as the browser decrypts it
        JsonNode shown = EventJson.mapper().readTree(browser.decrypt(PUSH.at("/wpush/v2/sleeper").getFirst().body()));
        assertThat(shown.get("title").asString()).isEqualTo("3 alerts held during your quiet hours");
        assertThat(shown.get("body").asString()).startsWith("CRV/USD price spike down")
                .contains("AAVE/USD price spike down: your 0.8 AAVE: −$2,737 in 4 min");

        // the lone held alert: the single-alert body receivers know, marked as held
        JsonNode single = EventJson.mapper().readTree(RECEIVER.at("/digest-single").getFirst().body());
        assertThat(single.has("digest")).isFalse();
        assertThat(single.get("alert").get("alertId").asString()).isEqualTo(fil.alertId());
        assertThat(Instant.parse(single.get("heldUntil").asString())).isEqualTo(end);

        // polls go on (every 100 ms): nothing goes out again, alone or in a second digest
        former.run();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> RECEIVER.at("/digest").size()
                == 2 && alertMails(address).size() == 1 && TELEGRAM.sentTo(chat).size() == 1
                && RECEIVER.at("/digest-single").size() == 1 && PUSH.at("/wpush/v2/sleeper").size() == 1);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery.deliveries WHERE user_id = :u AND digest")
                .param("u", user).query(Integer.class).single()).as("one digest per channel").isEqualTo(4);
    }

    @Test
    void instancesFormingDigestsAtOnceFormOneAndSendEachHeldAlertInItOnly() throws Exception {
        long user = user(name(), "GRT/USD", 50.0);
        long hook = webhook(user, RECEIVER.url("/digest-race"), "whsec_race");
        Instant end = Instant.now().plusMillis(800);
        for (int i = 0; i < 4; i++) {
            jdbc.sql("""
                            INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                                next_attempt_at, held_until)
                            VALUES (:id, :c, :u, :a, 60, CAST(:p AS json), 'PENDING', :end, :end)""")
                    .param("id", UUID.randomUUID()).param("c", hook).param("u", user).param("a", "race-" + user + "-" + i)
                    .param("p", EventJson.mapper().writeValueAsString(Map.of("alert",
                            spike("GRT/USD", end.minusSeconds(60 * i), 20), "heldUntil", end.toString())))
                    .param("end", Timestamp.from(end)).update();
        }

        // the scheduled former and four more "instances" at the same moment
        try (ExecutorService instances = Executors.newVirtualThreadPerTaskExecutor()) {
            await().atMost(WAIT).until(() -> Instant.now().isAfter(end));
            for (int i = 0; i < 4; i++) {
                instances.submit(former::run);
            }
        }

        await().atMost(WAIT).until(() -> "SENT".equals(digestState(hook)));
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3))
                .until(() -> RECEIVER.at("/digest-race").size() == 1);
        assertThat(EventJson.mapper().readTree(RECEIVER.at("/digest-race").getFirst().body()).get("alerts")).hasSize(4);
        assertThat(jdbc.sql("SELECT count(*) FROM delivery.deliveries WHERE channel_id = :c AND digest")
                .param("c", hook).query(Integer.class).single()).isEqualTo(1);
    }

    private int held(long user) {
        return jdbc.sql("SELECT count(*) FROM delivery.decisions WHERE user_id = :u AND outcome = 'HOLD'")
                .param("u", user).query(Integer.class).single();
    }

    private String digestState(long channel) {
        return jdbc.sql("SELECT state FROM delivery.deliveries WHERE channel_id = :c AND digest")
                .param("c", channel).query(String.class).optional().orElse(null);
    }

    private String digestId(long channel) {
        return jdbc.sql("SELECT id::text FROM delivery.deliveries WHERE channel_id = :c AND digest")
                .param("c", channel).query(String.class).single();
    }

    private String log(long channel) {
        return jdbc.sql("""
                        SELECT string_agg(outcome || ':' || coalesce(http_status::text, '-'), ',' ORDER BY a.id)
                        FROM delivery.attempts a JOIN delivery.deliveries d ON d.id = a.delivery_id
                        WHERE d.channel_id = :c AND d.digest""").param("c", channel).query(String.class).single();
    }

    private List<MimeMessage> alertMails(String address) {
        return SMTP.to(address).stream().filter(m -> {
            try {
                return m.getSubject().startsWith("MarketPulse: ");
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
