package com.marketpulse.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.digest.DigestBodies;
import com.marketpulse.delivery.digest.DigestBodies.Held;
import com.marketpulse.events.Direction;
import com.marketpulse.events.json.EventJson;

import tools.jackson.databind.JsonNode;

/** What the service worker shows, from the delivery every channel gets. */
class NotificationTest {

    @Test
    void withoutAnImpactTheBodyIsTheExplanationAndALongOneIsCutToStayWithinAPushMessage() {
        String explanation = "x".repeat(5_000);
        String delivery = "{\"deliveryId\":\"d\",\"alert\":{\"alertId\":\"ETH/USD|VOLUME_ANOMALY|1\",\"symbol\":\"ETH/USD\","
                + "\"type\":\"VOLUME_ANOMALY\",\"direction\":\"UP\",\"level\":\"MEDIUM\",\"explanation\":\"" + explanation
                + "\"},\"impact\":null}";

        JsonNode shown = EventJson.mapper().readTree(Notification.of(delivery, "https://mp.example.com/?tab=alerts"));

        assertThat(shown.get("title").asString()).isEqualTo("ETH/USD: volume anomaly up (medium)");
        assertThat(shown.get("body").asString()).hasSize(Notification.MAX_TEXT).endsWith("…");
        assertThat(shown.get("url").asString())
                .isEqualTo("https://mp.example.com/?tab=alerts&alert=ETH%2FUSD%7CVOLUME_ANOMALY%7C1");
        assertThat(shown.get("tag").asString()).isEqualTo("marketpulse-ETH/USD|VOLUME_ANOMALY|1");
        assertThat(EventJson.mapper().writeValueAsBytes(shown).length).isLessThan(WebPushEncryption.MAX_PLAINTEXT);
    }

    @Test
    void aDigestIsOneNotificationSayingHowManyAlertsQuietHoursHeld() {
        String delivery = DigestBodies.body("d-3", Instant.parse("2026-05-05T07:00:00Z"), List.of(
                new Held(DigestBodies.spike("BTC/USD", Direction.DOWN, 72, Instant.parse("2026-05-04T23:10:00Z")),
                        "your 0.8 BTC: −$2,737 in 4 min"),
                new Held(DigestBodies.spike("ETH/USD", Direction.UP, 50, Instant.parse("2026-05-05T03:00:00Z")),
                        null)));

        JsonNode shown = EventJson.mapper().readTree(Notification.of(delivery, "https://mp.example.com/"));

        assertThat(shown.get("title").asString()).isEqualTo("2 alerts held during your quiet hours");
        assertThat(shown.get("body").asString()).isEqualTo(
                "ETH/USD price spike up\nBTC/USD price spike down: your 0.8 BTC: −$2,737 in 4 min");
        assertThat(shown.get("tag").asString()).isEqualTo("marketpulse-digest-d-3");
        assertThat(shown.get("deliveryId").asString()).isEqualTo("d-3");
        assertThat(shown.get("url").asString()).isEqualTo("https://mp.example.com/");
    }
}
