package com.marketpulse.delivery.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
