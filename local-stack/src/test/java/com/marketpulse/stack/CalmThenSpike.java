package com.marketpulse.stack;

import java.time.Instant;
import java.util.Properties;
import java.util.Random;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A thin venue's market as the stack's tests inject it: four calm hours of minute bars and a minute of quotes of one
 * symbol published to market.source-bars and market.quotes (no trade at all), then a quote 6 % higher, held into the
 * next minute. Detection takes the jump for a PRICE_SPIKE, UP.
 */
final class CalmThenSpike {

    private CalmThenSpike() {
    }

    /** Publishes the market ending now; the spike quote's time. */
    static Instant publish(String bootstrap, String symbol, double startPrice) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        Random random = new Random(7);
        Instant now = Instant.now();
        Instant firstBar = Instant.ofEpochSecond((now.getEpochSecond() / 60 - 242) * 60);
        double price = startPrice;
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            Instant start = firstBar;
            for (int i = 0; i < 240; i++, start = start.plusSeconds(60)) {
                double open = price;
                price *= 1 + random.nextGaussian() * 0.0004;
                double high = Math.max(open, price) * 1.0002;
                double low = Math.min(open, price) * 0.9998;
                send(producer, Topics.MARKET_SOURCE_BARS, symbol, new SourceBar(
                        SourceBar.idOf("e2e", "e2e", symbol, start, null), symbol, start, start.plusSeconds(60),
                        round(open), round(high), round(low), round(price), 0.5, 3, round(price), false, "e2e", "e2e",
                        null));
            }
            Instant time = start;
            for (int i = 0; i < 60; i++) {
                time = time.plusSeconds(1);
                price *= 1 + random.nextGaussian() * 0.00005;
                send(producer, Topics.MARKET_QUOTES, symbol, quote(symbol, time, price));
            }
            Instant spikeTime = time.plusSeconds(1);
            send(producer, Topics.MARKET_QUOTES, symbol, quote(symbol, spikeTime, price * 1.06));
            Instant nextMinute = Instant.ofEpochSecond((spikeTime.getEpochSecond() / 60 + 1) * 60 + 1);
            send(producer, Topics.MARKET_QUOTES, symbol, quote(symbol, nextMinute, price * 1.06));
            producer.flush();
            return spikeTime;
        }
    }

    private static Quote quote(String symbol, Instant time, double mid) {
        return Quote.live("e2e", "e2e", symbol, time, round(mid - 30), 0.4, round(mid + 30), 0.5);
    }

    private static void send(KafkaProducer<String, String> producer, String topic, String key, Object event)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, key, EventJson.mapper().writeValueAsString(event))).get();
    }

    private static double round(double price) {
        return Math.round(price * 100) / 100.0;
    }
}
