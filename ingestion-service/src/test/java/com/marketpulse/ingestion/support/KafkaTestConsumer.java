package com.marketpulse.ingestion.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/** Reads a topic from the beginning with a fresh group, as a downstream service would. */
public final class KafkaTestConsumer {

    private KafkaTestConsumer() {
    }

    /** Polls until at least {@code atLeast} records arrived, then keeps polling for {@code settle} to catch extras. */
    public static List<ConsumerRecord<String, String>> consume(EmbeddedKafkaBroker broker, String topic, int atLeast,
                                                               Duration settle) {
        Map<String, Object> props = KafkaTestUtils.consumerProps(broker, "it-" + topic + "-" + System.nanoTime(), false);
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= atLeast;
            });
            long end = System.nanoTime() + settle.toNanos();
            while (System.nanoTime() < end) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
