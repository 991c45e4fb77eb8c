package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Tick;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Ticks received and published per symbol, drops by reason and the age of the last tick per symbol
 * ({@code marketpulse.ingestion.*} in {@code /actuator/metrics} and {@code /actuator/prometheus}).
 */
@Component
class PublishMetrics {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Map<String, AtomicReference<Instant>> lastTickTimes = new ConcurrentHashMap<>();

    @Autowired
    PublishMetrics(MeterRegistry registry) {
        this(registry, Clock.systemUTC());
    }

    PublishMetrics(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    void received(Tick tick) {
        Counter.builder("marketpulse.ingestion.ticks.received")
                .description("Ticks accepted from the source")
                .tags("symbol", tick.symbol(), "source", tick.source())
                .register(registry).increment();
        lastTickTimes.computeIfAbsent(tick.symbol(), this::registerAgeGauge)
                .accumulateAndGet(tick.eventTime(), (last, next) -> next.isAfter(last) ? next : last);
    }

    void published(Outgoing record) {
        String name = record.value() instanceof Tick ? "marketpulse.ingestion.ticks.published"
                : "marketpulse.ingestion.labels.published";
        Counter.builder(name).description("Records acknowledged by Kafka")
                .tags("symbol", record.key(), "topic", record.topic())
                .register(registry).increment();
    }

    void dropped(String reason) {
        Counter.builder("marketpulse.ingestion.ticks.dropped")
                .description("Records accepted but never published (always logged too)")
                .tag("reason", reason)
                .register(registry).increment();
    }

    void bufferSize(Supplier<Number> size) {
        registry.gauge("marketpulse.ingestion.publish.buffered", size, s -> s.get().doubleValue());
    }

    private AtomicReference<Instant> registerAgeGauge(String symbol) {
        AtomicReference<Instant> last = new AtomicReference<>(Instant.EPOCH);
        TimeGauge.builder("marketpulse.ingestion.last.tick.age", last,
                        TimeUnit.MILLISECONDS, ref -> clock.millis() - ref.get().toEpochMilli())
                .description("Time since the event time of the last tick received for the symbol")
                .tag("symbol", symbol)
                .register(registry);
        return last;
    }
}
