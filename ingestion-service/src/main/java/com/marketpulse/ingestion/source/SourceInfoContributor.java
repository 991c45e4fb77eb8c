package com.marketpulse.ingestion.source;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

import java.util.Map;

/** {@code /actuator/info}: {@code "ingestion": {"source": "alpaca", "venue": "us"}}, for the status page. */
@Component
class SourceInfoContributor implements InfoContributor {

    private final SourceRunner runner;

    SourceInfoContributor(SourceRunner runner) {
        this.runner = runner;
    }

    @Override
    public void contribute(Info.Builder builder) {
        builder.withDetail("ingestion", Map.of("source", runner.kind().name().toLowerCase(), "venue", runner.venue()));
    }
}
