package com.marketpulse.stack;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.MarketEvent;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.simulator.Profile;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A deterministic live market for the live topics, as ingestion's thin-venue simulator would publish it: four hours
 * of minute bars (the detector's warm-up, as the REST seed gives it), a calm half hour of quotes, bars and trades,
 * then −6 % in 4 minutes from {@link #fall()} and a minute more, all before the wall clock. Made once (seeded) for
 * {@link #TEMPLATE} and published under any symbol with exactly the same events, so two symbols given it at
 * different moments must raise the same alerts.
 *
 * @param events the market's events in the order the simulator made them, as JSON for {@link #TEMPLATE}
 */
record LiveFall(Instant seedFrom, Instant calmFrom, Instant fall, Instant end, List<Event> events) {

    static final String TEMPLATE = "SOL/USD";
    static final Duration FALL_LENGTH = Duration.ofMinutes(4);

    record Event(String topic, Instant eventTime, String json) {
    }

    static LiveFall before(Instant now, int fallSecond, long seed) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        Instant calmFrom = minute.minus(Duration.ofMinutes(40));
        Instant seedFrom = calmFrom.minus(Duration.ofHours(4));
        Instant fall = calmFrom.plus(Duration.ofMinutes(30)).plusSeconds(fallSecond);
        Instant end = fall.plus(FALL_LENGTH).plus(Duration.ofMinutes(1));
        var simulator = new MarketSimulator(Settings.defaults().simulator().withProfile(Profile.THIN, EventStyle.MARKET)
                .withoutAnomalies().withSeed(seed), List.of(TEMPLATE), seedFrom);
        simulator.schedule(MarketEvent.priceMove(TEMPLATE, fall, -6.0, FALL_LENGTH));
        List<Event> events = new ArrayList<>();
        simulator.advanceTo(end, new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                if (!tick.eventTime().isBefore(calmFrom)) {
                    events.add(event(Topics.MARKET_CRYPTO, tick.eventTime(), tick));
                }
            }

            @Override
            public void onQuote(Quote quote) {
                if (!quote.eventTime().isBefore(calmFrom)) {
                    events.add(event(Topics.MARKET_QUOTES, quote.eventTime(), quote));
                }
            }

            @Override
            public void onBar(SourceBar bar) {
                events.add(event(Topics.MARKET_SOURCE_BARS, bar.eventTime(), bar));
            }

            @Override
            public void onLabel(AnomalyLabel label) {
            }
        });
        return new LiveFall(seedFrom, calmFrom, fall, end, List.copyOf(events));
    }

    private static Event event(String topic, Instant time, Object value) {
        return new Event(topic, time, EventJson.mapper().writeValueAsString(value));
    }

    /**
     * Publishes the market under {@code symbol} on the live topics, one record at a time, each acknowledged before
     * the next, so the broker holds them in the order they were made.
     */
    void publish(String bootstrap, String symbol) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (Event event : events) {
                producer.send(new ProducerRecord<>(event.topic(), null, event.eventTime().toEpochMilli(), symbol,
                        event.json().replace(TEMPLATE, symbol))).get();
            }
        }
    }

    long count(String topic) {
        return events.stream().filter(e -> e.topic().equals(topic)).count();
    }
}
