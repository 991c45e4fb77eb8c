package com.marketpulse.delivery.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.marketpulse.delivery.support.DeliveryIntegrationTest;

/**
 * The retry state is the database's, not the process's: a delivery left in back-off by an instance that died (two
 * failed attempts logged, due again now, its claim lapsed) is sent by whichever instance polls next, once.
 */
class RetryResumeIT extends DeliveryIntegrationTest {

    @Test
    void aDeliveryLeftInBackOffByADeadInstanceIsSentOnceWhenDue() throws Exception {
        long user = user("resume-" + UUID.randomUUID().toString().substring(0, 8), "XRP/USD", 10.0);
        long channel = webhook(user, RECEIVER.url("/resumed"), "whsec_resume");
        UUID id = UUID.randomUUID();
        Instant due = Instant.now().plus(Duration.ofSeconds(1));
        jdbc.sql("""
                        INSERT INTO delivery.deliveries (id, channel_id, user_id, alert_id, severity, payload, state,
                            attempts, next_attempt_at, last_error)
                        VALUES (:id, :channel, :user, 'left-behind', 60, CAST(:payload AS json), 'PENDING', 2, :due,
                            'HTTP 503')""")
                .param("id", id).param("channel", channel).param("user", user)
                .param("payload", "{\"alert\":{\"alertId\":\"left-behind\"},\"impact\":null,\"heldUntil\":null}")
                .param("due", Timestamp.from(due))
                .update();

        await().atMost(Duration.ofSeconds(20)).until(() -> !RECEIVER.at("/resumed").isEmpty());

        assertThat(RECEIVER.at("/resumed").getFirst().header("X-MarketPulse-Delivery")).isEqualTo(id.toString());
        assertThat(RECEIVER.at("/resumed").getFirst().at()).as("not before it was due").isAfterOrEqualTo(due);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT state FROM delivery.deliveries WHERE id = :id").param("id", id).query(String.class).single()));
        assertThat(jdbc.sql("SELECT attempts FROM delivery.deliveries WHERE id = :id").param("id", id)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(RECEIVER.at("/resumed")).hasSize(1);
    }
}
