package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads back which source bars are in {@code market.source-bars} already: Kafka is where the last-seen bar times
 * persist, so a restart fetches from REST only what came after them, and never publishes a bar twice.
 */
@Component
public class PublishedBars {

    private static final Logger log = LoggerFactory.getLogger(PublishedBars.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerProperties;
    private final JsonMapper json = EventJson.mapper();
    private final Clock clock;

    PublishedBars(KafkaProperties kafka) {
        this.consumerProperties = new HashMap<>(kafka.buildConsumerProperties());
        this.consumerProperties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumerProperties.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        this.consumerProperties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.clock = Clock.systemUTC();
    }

    /**
     * The start of the newest bar per symbol published by {@code source} for {@code venue} within {@code lookback}
     * (by Kafka timestamp, the bar's end).
     */
    public Map<String, Instant> lastStarts(String source, String venue, Duration lookback) {
        Map<String, Instant> newest = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(),
                new StringDeserializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(Topics.MARKET_SOURCE_BARS, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return newest;
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long since = clock.instant().minus(lookback).toEpochMilli();
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, since));
            Map<TopicPartition, OffsetAndTimestamp> from = consumer.offsetsForTimes(at, TIMEOUT);
            Map<TopicPartition, Long> toRead = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndTimestamp offset = from.get(partition);
                if (offset != null && offset.offset() < ends.get(partition)) {
                    consumer.seek(partition, offset.offset());
                    toRead.put(partition, ends.get(partition));
                }
            }
            consumer.assign(toRead.keySet());
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            long unreadable = 0;
            while (!toRead.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (!remember(record.value(), source, venue, newest)) {
                        unreadable++;
                    }
                }
                toRead.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
            if (!toRead.isEmpty()) {
                throw new IllegalStateException("could not read " + Topics.MARKET_SOURCE_BARS + " to its end within "
                        + TIMEOUT.toSeconds() + " s");
            }
            if (unreadable > 0) {
                log.warn("{} record(s) of {} are not source bars; they were passed over", unreadable,
                        Topics.MARKET_SOURCE_BARS);
            }
        }
        return newest;
    }

    /** False for a record that is not a source bar (it is counted and reported, not fatal). */
    private boolean remember(String value, String source, String venue, Map<String, Instant> newest) {
        try {
            JsonNode bar = json.readTree(value);
            boolean ours = source.equals(bar.path("source").asString("")) && venue.equals(bar.path("venue").asString(""))
                    && (bar.path("runId").isMissingNode() || bar.path("runId").isNull());
            if (ours) {
                newest.merge(bar.path("symbol").asString(), Instant.parse(bar.path("start").asString()),
                        (a, b) -> a.isAfter(b) ? a : b);
            }
            return true;
        } catch (JacksonException | DateTimeParseException e) {
            return false;
        }
    }
}
