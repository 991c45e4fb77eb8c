package com.marketpulse.delivery.intake;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.marketpulse.delivery.kafka.RejectedAlertException;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonDeserializer;

/**
 * Reads {@code market.alerts} in its own group (scaled by partitions: alerts are keyed by symbol, so one coin's
 * alerts are taken in order by one instance). Backtest alerts ride {@code market.alerts.replay}, which this service
 * never reads; one with a run id on the live topic is dead-lettered.
 */
@Component
class AlertListener {

    private final AlertIntake intake;

    AlertListener(AlertIntake intake) {
        this.intake = intake;
    }

    @KafkaListener(id = "delivery-alerts", topics = Topics.MARKET_ALERTS, groupId = "delivery-service",
            properties = EventJsonDeserializer.VALUE_TYPE + "=com.marketpulse.events.Alert")
    void on(Alert alert) {
        check(alert);
        intake.take(alert);
    }

    static void check(Alert alert) {
        if (alert.runId() != null) {
            throw new RejectedAlertException("wrong_stream",
                    "a backtest's alert (run " + alert.runId() + ") on the live topic is never delivered");
        }
        if (alert.alertId() == null || alert.symbol() == null || alert.type() == null || alert.eventTime() == null
                || alert.severity() < 0 || alert.severity() > 100 || !(alert.price() > 0)
                || !Double.isFinite(alert.price())) {
            throw new RejectedAlertException("invalid", "an alert without id, symbol, type or event time, or with a "
                    + "severity outside 0-100 or a price that is not positive");
        }
    }
}
