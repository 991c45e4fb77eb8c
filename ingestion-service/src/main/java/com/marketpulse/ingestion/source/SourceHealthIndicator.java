package com.marketpulse.ingestion.source;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The selected source's health: e.g. DOWN with the reason when Alpaca refused the keys. */
@Component("source")
class SourceHealthIndicator implements HealthIndicator {

    private final SourceRunner runner;

    SourceHealthIndicator(SourceRunner runner) {
        this.runner = runner;
    }

    @Override
    public Health health() {
        SourceStatus status = runner.status();
        return (status.up() ? Health.up() : Health.down())
                .withDetail("source", runner.kind().name().toLowerCase())
                .withDetail("venue", runner.venue())
                .withDetail("state", status.state())
                .withDetail("detail", status.detail())
                .build();
    }
}
