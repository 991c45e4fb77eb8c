package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Quote;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The buffer while Kafka takes nothing (the publisher is not started): quotes shed first, trades keep their room. */
class PublisherBufferTest {

    @Test
    void quotesFillOnlyTheirShareOfTheBufferSoTradesStillFitAndEveryDropIsCounted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        KafkaTickPublisher publisher = new KafkaTickPublisher(null, new PublishMetrics(registry), 10,
                new EdgeGuard(Duration.ofDays(36_500), Duration.ofDays(36_500), Clock.systemUTC()), Clock.systemUTC());
        Instant t = Instant.parse("2026-01-05T10:00:00Z");
        int accepted = 0;
        for (int i = 0; i < 12; i++) {
            if (publisher.publish(Topics.MARKET_QUOTES, Quote.live("alpaca", "us-1", "BTC/USD", t.plusMillis(i),
                    100, 1, 101, 1))) {
                accepted++;
            }
        }
        assertThat(accepted).isEqualTo(10 * KafkaTickPublisher.QUOTE_SHARE_PERCENT / 100);
        assertThat(publisher.publish(Topics.MARKET_CRYPTO, Tick.live("alpaca", "us-1", "BTC/USD", t, 100, 1, "1",
                "B"))).isTrue();
        assertThat(publisher.publish(Topics.MARKET_CRYPTO, Tick.live("alpaca", "us-1", "BTC/USD", t, 100, 1, "2",
                "B"))).isTrue();
        assertThat(publisher.publish(Topics.MARKET_CRYPTO, Tick.live("alpaca", "us-1", "BTC/USD", t, 100, 1, "3",
                "B"))).isFalse();
        assertThat(registry.get("marketpulse.ingestion.quotes.dropped").tag("reason", "quote-share-full").counter()
                .count()).isEqualTo(4);
        assertThat(registry.get("marketpulse.ingestion.ticks.dropped").tag("reason", "buffer-full").counter().count())
                .isEqualTo(1);
        assertThat(publisher.dropped()).isEqualTo(5);
        assertThat(publisher.pending()).isEqualTo(10);
    }
}
