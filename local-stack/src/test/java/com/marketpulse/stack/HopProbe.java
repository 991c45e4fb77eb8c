package com.marketpulse.stack;

import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * Where an alert's time goes, seen from outside: one read_committed consumer of {@code market.crypto},
 * {@code market.features} and {@code market.alerts} notes when each record first becomes readable (as detection and
 * the API read them: a grid step's features only once feature-service's transaction commits). A tick, the grid step
 * it opened and the alert share symbol and event time (the tick's exchange time), which is the key here. The probe
 * polls without waiting for batches (fetch.min.bytes 1), so each figure is when the record was readable plus this
 * consumer's own poll; it adds its share of CPU to the machine.
 */
final class HopProbe implements AutoCloseable {

    /** The topics in pipeline order. */
    static final List<String> TOPICS = List.of(Topics.MARKET_CRYPTO, Topics.MARKET_FEATURES, Topics.MARKET_ALERTS);

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Map<String, Instant>> seen = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    HopProbe(String bootstrap, int partitions) {
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 1,
                ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> all = new ArrayList<>();
        for (String topic : TOPICS) {
            seen.put(topic, new ConcurrentHashMap<>());
            IntStream.range(0, partitions).forEach(p -> all.add(new TopicPartition(topic, p)));
        }
        consumer.assign(all);
        consumer.seekToEnd(all);
        all.forEach(consumer::position); // the end now, not when the first poll happens
        thread = Thread.ofPlatform().daemon().name("hop-probe").start(this::poll);
    }

    private void poll() {
        try {
            while (running) {
                var records = consumer.poll(Duration.ofMillis(100));
                Instant now = Instant.now();
                for (ConsumerRecord<String, String> record : records) {
                    JsonNode event = EventJson.mapper().readTree(record.value());
                    String symbol = event.path("symbol").asString();
                    String time = event.path("eventTime").asString();
                    if (!symbol.isEmpty() && !time.isEmpty()) {
                        seen.get(record.topic()).putIfAbsent(key(symbol, Instant.parse(time)), now);
                    }
                }
            }
        } catch (WakeupException stopped) {
            // closing
        } catch (RuntimeException failed) {
            org.slf4j.LoggerFactory.getLogger(HopProbe.class).warn("Hop probe stopped", failed);
        }
    }

    static String key(String symbol, Instant eventTime) {
        return symbol + "|" + eventTime;
    }

    /** When the record of this topic with this symbol and event time was first readable, or null. */
    Instant readable(String topic, String symbol, Instant eventTime) {
        return seen.get(topic).get(key(symbol, eventTime));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
        consumer.close(Duration.ofSeconds(2));
    }
}
