package com.marketpulse.delivery.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.digest.DigestBodies.Held;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Direction;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/** What a digest carries, as webhooks receive it and the other channels' texts read it. */
class DigestBodyTest {

    private static final Instant END = Instant.parse("2026-05-05T07:00:00Z");

    @Test
    void listsEveryHeldAlertNewestFirstWithItsImpactOnceEach() {
        Alert early = DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-05-04T23:10:00Z"));
        Alert late = DigestBodies.spike("ETH/USD", Direction.UP, 55, Instant.parse("2026-05-05T04:30:00.5Z"));
        Alert middle = DigestBodies.spike("SOL/USD", Direction.DOWN, 60, Instant.parse("2026-05-05T02:00:00Z"));

        String body = DigestBodies.body("d-1", END, List.of(new Held(early, "your 0.8 BTC: −$2,737 in 4 min"),
                new Held(late, null), new Held(middle, "your 10 SOL: −$75 in 4 min")));

        JsonNode json = EventJson.mapper().readTree(body);
        assertThat(json.get("deliveryId").asString()).isEqualTo("d-1");
        assertThat(json.get("digest").asBoolean()).isTrue();
        assertThat(json.get("heldUntil").asString()).isEqualTo("2026-05-05T07:00:00Z");
        assertThat(json.get("alerts")).extracting(a -> a.get("alert").get("alertId").asString())
                .as("newest first").containsExactly(late.alertId(), middle.alertId(), early.alertId());
        assertThat(json.get("alerts").get(0).get("impact").isNull()).isTrue();
        assertThat(json.get("alerts").get(2).get("impact").get("text").asString())
                .isEqualTo("your 0.8 BTC: −$2,737 in 4 min");
        assertThat(json.get("alerts").get(0).has("heldUntil")).as("said once, for the digest").isFalse();

        Digest digest = Digest.of(body).orElseThrow();
        assertThat(digest.headline()).isEqualTo("3 alerts held during your quiet hours");
        assertThat(digest.coins()).isEqualTo("ETH/USD, SOL/USD, BTC/USD");
        assertThat(digest.alerts().get(2).alert()).isEqualTo(early);
    }

    @Test
    void anEpisodeThatGrewDuringTheNightIsListedOnceAtItsHighestSeverity() {
        Alert first = DigestBodies.spike("BTC/USD", Direction.DOWN, 55, Instant.parse("2026-05-04T23:10:00Z"));
        Alert grown = new Alert(first.alertId(), first.symbol(), first.type(), first.direction(), 81,
                com.marketpulse.events.SeverityLevel.of(81), first.eventTime(), first.eventTime().plusSeconds(240),
                first.price(), first.score(), first.modelVersion(), first.explanation(), first.detectedAt(), null);
        Alert other = DigestBodies.spike("ETH/USD", Direction.DOWN, 60, Instant.parse("2026-05-05T01:00:00Z"));

        Digest digest = Digest.of(DigestBodies.body("d-2", END, List.of(new Held(grown, null), new Held(first, null),
                new Held(other, null)))).orElseThrow();

        assertThat(digest.alerts()).extracting(item -> item.alert().severity()).containsExactly(60, 81);
        assertThat(digest.headline()).isEqualTo("2 alerts held during your quiet hours");
    }

    @Test
    void aSingleAlertsBodyIsNoDigest() {
        assertThat(Digest.of("{\"deliveryId\":\"d\",\"alert\":{\"alertId\":\"a\"},\"impact\":null,"
                + "\"heldUntil\":\"2026-05-05T07:00:00Z\"}")).isEmpty();
    }
}
