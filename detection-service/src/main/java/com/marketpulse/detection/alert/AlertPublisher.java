package com.marketpulse.detection.alert;

import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes alerts keyed by symbol and waits until the broker has them: live alerts to {@code market.alerts}, a
 * backtest run's (run id) to {@code market.alerts.replay}. The topic follows from the alert alone, so no caller can
 * deliver a backtest alert to live users.
 */
@Component
class AlertPublisher {

    private final KafkaTemplate<Object, Object> kafka;

    AlertPublisher(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    static String topicOf(Alert alert) {
        return alert.runId() == null ? Topics.MARKET_ALERTS : Topics.MARKET_ALERTS_REPLAY;
    }

    void publish(Alert alert) {
        try {
            kafka.send(topicOf(alert), alert.symbol(), alert).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alert " + alert.alertId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish alert " + alert.alertId(), e);
        }
    }
}
