package com.marketpulse.stack;

import com.marketpulse.events.Tick;
import com.marketpulse.events.json.EventJson;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Kafka's own rate on the stack's broker, the ceiling the pipeline is compared with: records of a tick's size (a
 * serialized {@link Tick}, keyed by symbol) into a topic with the market topics' partition count, written with what
 * ingestion's producer uses (acks=all, idempotent, linger 5 ms), while one consumer reads them back at the same time
 * (one pass: a write and a read, as a tick makes between two stages). Then the same records read again alone.
 */
final class KafkaCeiling {

    /** @param produced records/s written (acknowledged); passThrough records/s written and read at once; consumed records/s read alone */
    record Rates(long records, int recordBytes, double produced, double passThrough, double consumed) {
    }

    private KafkaCeiling() {
    }

    static Rates measure(String bootstrap, int partitions, long records) throws Exception {
        String topic = "bench.ceiling." + System.currentTimeMillis();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
            awaitLeaders(admin, topic);
        }
        byte[] value = EventJson.write(Tick.live("replay", "replay", "BTC/USD", Instant.now(), 97_123.4567, 0.01234,
                "trades.csv:1234567", "B"));
        List<String> keys = List.of("BTC/USD", "ETH/USD", "SOL/USD");
        AtomicLong acknowledged = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        long start;
        double produced;
        Thread reader;
        try (var producer = new KafkaProducer<>(producerConfig(bootstrap), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.partitionsFor(topic); // metadata before the clock matters
            start = System.nanoTime();
            reader = Thread.ofPlatform().daemon().name("ceiling-reader")
                    .start(() -> consume(bootstrap, topic, partitions, records, failed));
            for (long i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, keys.get((int) (i % keys.size())), value),
                        (metadata, error) -> {
                            if (error == null) {
                                acknowledged.incrementAndGet();
                            }
                        });
            }
            producer.flush();
            produced = records / seconds(start);
        }
        if (acknowledged.get() != records) {
            failed.set(true); // the reader would wait for the records that were never written
            reader.join();
            throw new IllegalStateException("only " + acknowledged.get() + " of " + records + " acknowledged");
        }
        reader.join();
        double passThrough = records / seconds(start);
        long again = System.nanoTime();
        consume(bootstrap, topic, partitions, records, failed);
        double consumed = records / seconds(again);
        return new Rates(records, value.length, produced, passThrough, consumed);
    }

    /**
     * Until every partition has a leader: an idempotent producer that starts while the new topic's leaders are being
     * elected can spend minutes retrying out-of-order sequences, which would be measured as Kafka's rate.
     */
    private static void awaitLeaders(Admin admin, String topic) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                var description = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
                if (description.partitions().stream().allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException notYetKnown) {
                // the topic's metadata has not reached the broker's cache yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("no leaders for " + topic + " within 30 s");
    }

    private static Properties producerConfig(String bootstrap) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return config;
    }

    private static void consume(String bootstrap, String topic, int partitionCount, long records,
                                AtomicBoolean stop) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        long read = 0;
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = java.util.stream.IntStream.range(0, partitionCount)
                    .mapToObj(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (read < records && !stop.get()) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
