package com.marketpulse.delivery.testsend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import com.marketpulse.alerting.rules.Rule;
import com.marketpulse.alerting.rules.RuleSet;
import com.marketpulse.delivery.send.Signature;
import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.delivery.support.FakeWebhook.Received;
import com.marketpulse.events.json.EventJson;

/**
 * "Send a test alert": a request the API recorded reaches the channel's real receiver once, signed like any
 * delivery, marked as a test, and logged; nobody else receives anything.
 */
class ChannelTestSendIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Test
    void aTestRequestReachesTheChannelsWebhookOnceAndIsLogged() throws Exception {
        long owner = user("t-" + UUID.randomUUID().toString().substring(0, 8), "SOL/USD", 12.0);
        long channel = webhook(owner, RECEIVER.url("/test-send"), "whsec_test-send");
        rules(owner, new RuleSet(ZoneId.of("Asia/Tokyo"), Rule.DEFAULTS, Map.of()));
        long bystander = user("b-" + UUID.randomUUID().toString().substring(0, 8), "SOL/USD", 3.0);
        webhook(bystander, RECEIVER.url("/test-send-bystander"), "whsec_bystander");

        long first = request(channel, owner);

        await().atMost(WAIT).until(() -> RECEIVER.at("/test-send").size() == 1);
        Received got = RECEIVER.at("/test-send").getFirst();
        long timestamp = Long.parseLong(got.header("X-MarketPulse-Timestamp"));
        assertThat(got.header("X-MarketPulse-Signature")).isEqualTo(Signature.of("whsec_test-send", timestamp,
                got.body()));
        JsonNode body = EventJson.mapper().readTree(got.body());
        assertThat(body.get("test").asBoolean()).isTrue();
        assertThat(body.get("alert").get("alertId").asString()).isEqualTo("test-" + first);
        assertThat(body.get("alert").get("symbol").asString()).isEqualTo("SOL/USD");
        assertThat(body.get("alert").get("explanation").asString()).startsWith("Test alert from MarketPulse");
        assertThat(body.get("deliveryId").asString()).isEqualTo(got.header("X-MarketPulse-Delivery"));
        assertThat(body.get("timeZone").asString()).as("the owner's zone, as their alerts carry it")
                .isEqualTo("Asia/Tokyo");
        await().atMost(WAIT).until(() -> "SENT".equals(state(first)));
        assertThat(jdbc.sql("SELECT count(*) FROM delivery.attempts a JOIN delivery.test_sends t "
                + "ON t.delivery_id = a.delivery_id WHERE t.request_id = :r AND a.outcome = 'SENT' "
                + "AND a.http_status = 200").param("r", first).query(Long.class).single()).isEqualTo(1);

        // many polls later, a second request is sent once more, and the first never again
        long second = request(channel, owner);
        await().atMost(WAIT).until(() -> "SENT".equals(state(second)));
        assertThat(RECEIVER.at("/test-send")).hasSize(2);
        assertThat(RECEIVER.at("/test-send").stream().map(r -> EventJson.mapper().readTree(r.body()).get("alert")
                .get("alertId").asString())).containsExactly("test-" + first, "test-" + second);
        assertThat(RECEIVER.at("/test-send-bystander")).isEmpty();
    }

    /** As the API records it (POST /api/me/channels/{id}/test). */
    private long request(long channel, long user) {
        return jdbc.sql("INSERT INTO api.channel_test_requests (channel_id, user_id) VALUES (:c, :u) RETURNING id")
                .param("c", channel).param("u", user).query(Long.class).single();
    }

    private String state(long request) {
        return jdbc.sql("SELECT d.state FROM delivery.deliveries d JOIN delivery.test_sends t ON t.delivery_id = d.id "
                        + "WHERE t.request_id = :r AND d.test")
                .param("r", request).query(String.class).optional().orElse(null);
    }
}
