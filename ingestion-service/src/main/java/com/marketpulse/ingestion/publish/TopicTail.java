package com.marketpulse.ingestion.publish;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the tail of a topic to its current end without a consumer group: what this service already stored there.
 * Kafka is where ingestion's last-seen times persist, so a restart reads them back instead of keeping them on disk.
 */
public final class TopicTail {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerProperties;

    public TopicTail(KafkaProperties kafka) {
        this.consumerProperties = new HashMap<>(kafka.buildConsumerProperties());
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
    }

    /**
     * Hands every record value of {@code topic} with a Kafka timestamp from {@code since} on to {@code values}, and
     * at least the last {@code lastRecords} of each partition whatever their time (a quiet symbol's newest event
     * may be older than {@code since}).
     */
    public void read(String topic, Instant since, long lastRecords, Consumer<String> values) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, since.toEpochMilli()));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(at, TIMEOUT);
            Map<TopicPartition, Long> toRead = new HashMap<>();
            for (TopicPartition partition : partitions) {
                long end = ends.get(partition);
                OffsetAndTimestamp byTime = from.get(partition);
                long start = Math.min(byTime == null ? end : byTime.offset(), end - lastRecords);
                start = Math.max(start, beginnings.get(partition));
                if (start < end) {
                    consumer.seek(partition, start);
                    toRead.put(partition, end);
                }
            }
            consumer.assign(toRead.keySet());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!toRead.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() != null) {
                        values.accept(record.value());
                    }
                }
                toRead.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!toRead.isEmpty()) {
                throw new IllegalStateException("could not read " + topic + " to its end within "
                        + TIMEOUT.toSeconds() + " s");
            }
        }
    }
}
