package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Tick;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class PublishMetricsTest {

    @Test
    void countsTicksPerSymbolAndReportsTheAgeOfTheLastOne() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Instant now = Instant.parse("2026-01-05T10:00:30Z");
        PublishMetrics metrics = new PublishMetrics(registry, Clock.fixed(now, ZoneOffset.UTC));

        metrics.received(Outgoing.of("market.crypto",
                Tick.live("alpaca", "us", "BTC/USD", now.minusSeconds(20), 90_000, 1, "1", "B")), "alpaca");
        metrics.received(Outgoing.of("market.crypto",
                Tick.live("alpaca", "us", "BTC/USD", now.minusSeconds(5), 90_001, 1, "2", "B")), "alpaca");
        metrics.received(Outgoing.of("market.crypto",
                Tick.live("alpaca", "us", "ETH/USD", now.minusSeconds(12), 3_000, 1, "3", "S")), "alpaca");

        assertThat(registry.get("marketpulse.ingestion.ticks.received").tag("symbol", "BTC/USD").counter().count())
                .isEqualTo(2);
        assertThat(registry.get("marketpulse.ingestion.last.tick.age").tag("symbol", "BTC/USD").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(5.0);
        assertThat(registry.get("marketpulse.ingestion.last.tick.age").tag("symbol", "ETH/USD").timeGauge()
                .value(TimeUnit.SECONDS)).isEqualTo(12.0);
    }
}
