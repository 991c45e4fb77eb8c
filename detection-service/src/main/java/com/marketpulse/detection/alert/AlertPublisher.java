package com.marketpulse.detection.alert;

import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/** Publishes alerts to {@code market.alerts}, keyed by symbol, and waits until the broker has them. */
@Component
class AlertPublisher {

    private final KafkaTemplate<Object, Object> kafka;

    AlertPublisher(KafkaTemplate<Object, Object> kafka) {
        this.kafka = kafka;
    }

    void publish(Alert alert) {
        try {
            kafka.send(Topics.MARKET_ALERTS, alert.symbol(), alert).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing alert " + alert.alertId(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not publish alert " + alert.alertId(), e);
        }
    }
}
