package com.marketpulse.api.stream;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.Alert;
import com.marketpulse.events.Topics;

/** Pushes every live alert published on {@code market.alerts} to the connected stream clients. */
@Component
class AlertStreamListener {

    private final AlertBroadcaster broadcaster;

    AlertStreamListener(AlertBroadcaster broadcaster) {
        this.broadcaster = broadcaster;
    }

    /** One consumer group per instance: every instance must see every alert. */
    @KafkaListener(topics = Topics.MARKET_ALERTS, containerFactory = "alertStreamFactory",
            groupId = "api-service-stream-#{T(java.util.UUID).randomUUID()}")
    void on(Alert alert) {
        if (alert.runId() == null) {
            broadcaster.publish(AlertDto.of(alert));
        }
    }
}
