package com.marketpulse.ingestion.publish;

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
 * Events received and published per kind ({@code ticks}, {@code quotes}, {@code bars}, {@code labels}) and symbol,
 * drops by kind and reason, and the age of the last tick per symbol ({@code marketpulse.ingestion.*} in
 * {@code /actuator/metrics} and {@code /actuator/prometheus}).
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

    void received(Outgoing record, String source) {
        Counter.builder("marketpulse.ingestion." + record.kind() + ".received")
                .description("Events accepted from the source")
                .tags("symbol", record.key(), "source", source == null ? "unknown" : source)
                .register(registry).increment();
        if (record.kind().equals("ticks")) {
            lastTickTimes.computeIfAbsent(record.key(), this::registerAgeGauge)
                    .accumulateAndGet(record.eventTime(), (last, next) -> next.isAfter(last) ? next : last);
        }
    }

    void published(Outgoing record) {
        Counter.builder("marketpulse.ingestion." + record.kind() + ".published")
                .description("Records acknowledged by Kafka")
                .tags("symbol", record.key(), "topic", record.topic())
                .register(registry).increment();
    }

    void dropped(Outgoing record, String reason) {
        Counter.builder("marketpulse.ingestion." + record.kind() + ".dropped")
                .description("Records accepted but never published (always logged too)")
                .tag("reason", reason)
                .register(registry).increment();
    }

    /** An event turned into a dead letter: rejected at the edge or refused by the broker for good. */
    void rejected(Outgoing record, String reason) {
        Counter.builder("marketpulse.ingestion." + record.kind() + ".rejected")
                .description("Events sent to the dead-letter topic instead of their own, by reason and symbol")
                .tags("reason", reason, "symbol", record.key())
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
