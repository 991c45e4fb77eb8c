package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.support.DeliveryIntegrationTest;
import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.SeverityLevel;
import com.marketpulse.events.Topics;

/** A channel that keeps failing is paused (pause-after is 5 here) until its owner changes it. */
class ChannelPauseIT extends DeliveryIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Alert spike(Instant at) {
        return new Alert("LINK/USD|" + UUID.randomUUID(), "LINK/USD", AlertType.PRICE_SPIKE, Direction.UP, 60,
                SeverityLevel.of(60), at, at, 20, 0.5, "m1", "LINK/USD +6.0 % in 5 min", Instant.now(), null);
    }

    @Test
    void aChannelThatKeepsFailingIsPausedAndResumesWhenItsOwnerChangesIt() throws Exception {
        long user = user("pause-" + UUID.randomUUID().toString().substring(0, 8), "LINK/USD", 50.0);
        long channel = webhook(user, RECEIVER.url("/down"), "whsec_down");
        RECEIVER.failFirst("/down", 1_000);
        Instant start = Instant.now();
        Alert first = spike(start);

        publish(Topics.MARKET_ALERTS, first);

        await().atMost(WAIT).until(() -> "FAILED".equals(column("state", first)));
        assertThat(RECEIVER.at("/down")).as("five attempts, then the pause stops them").hasSize(5);
        assertThat(column("last_error", first)).isEqualTo("channel paused after failing");
        assertThat(jdbc.sql("SELECT paused_at IS NOT NULL FROM delivery.channel_health WHERE channel_id = :c")
                .param("c", channel).query(Boolean.class).single()).isTrue();

        Alert whilePaused = spike(start.plus(Duration.ofHours(1)));
        publish(Topics.MARKET_ALERTS, whilePaused);
        await().atMost(WAIT).until(() -> "FAILED".equals(column("state", whilePaused)));
        assertThat(RECEIVER.at("/down")).as("nothing sent to a paused channel").hasSize(5);

        RECEIVER.failFirst("/down", 0);
        jdbc.sql("UPDATE api.alert_channels SET updated_at = now() WHERE id = :c").param("c", channel).update();
        Alert afterChange = spike(start.plus(Duration.ofHours(2)));
        publish(Topics.MARKET_ALERTS, afterChange);
        await().atMost(WAIT).until(() -> "SENT".equals(column("state", afterChange)));
        assertThat(RECEIVER.at("/down").getLast().body()).contains(afterChange.alertId());
    }

    private String column(String name, Alert alert) {
        return jdbc.sql("SELECT " + name + " FROM delivery.deliveries WHERE alert_id = :a").param("a", alert.alertId())
                .query(String.class).optional().orElse(null);
    }
}
