package com.marketpulse.ingestion.publish;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while Kafka does not acknowledge what we send; the details say how much is buffered, dropped and dead-lettered. */
@Component("kafkaPublisher")
class PublisherHealthIndicator implements HealthIndicator {

    private final KafkaTickPublisher publisher;

    PublisherHealthIndicator(KafkaTickPublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        Health.Builder builder = publisher.failing() ? Health.down().withDetail("error", publisher.lastError())
                : Health.up();
        return builder.withDetail("pending", publisher.pending()).withDetail("dropped", publisher.dropped())
                .withDetail("deadLettered", publisher.deadLettered()).build();
    }
}
