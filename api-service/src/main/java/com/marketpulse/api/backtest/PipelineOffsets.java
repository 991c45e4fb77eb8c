package com.marketpulse.api.backtest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaAdmin;

import com.marketpulse.api.kafka.QuickAdmin;
import org.springframework.stereotype.Component;

/** End offsets of the replay topics and the consumer groups' committed offsets there, for {@link DrainCheck}. */
@Component
class PipelineOffsets {

    /** The API's own groups read no replay topic. */
    private static final String OWN_GROUP_PREFIX = "api-service-";
    private static final long TIMEOUT_MS = 3_000;

    private final QuickAdmin admin;

    PipelineOffsets(KafkaAdmin kafkaAdmin) {
        this.admin = new QuickAdmin(kafkaAdmin, Duration.ofMillis(TIMEOUT_MS));
    }

    /** The end offset of every partition of the topics that exist, keyed {@code topic:partition}. */
    Map<String, Long> ends(List<String> topics) throws Exception {
        Admin client = admin.client();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (String topic : topics) {
            TopicDescription description;
            try {
                description = client.describeTopics(List.of(topic)).allTopicNames()
                        .get(TIMEOUT_MS, TimeUnit.MILLISECONDS).get(topic);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                    continue;
                }
                throw e;
            }
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()),
                    OffsetSpec.latest()));
        }
        Map<String, Long> ends = new HashMap<>();
        if (!latest.isEmpty()) {
            client.listOffsets(latest).all().get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                    .forEach((tp, info) -> ends.put(DrainCheck.key(tp.topic(), tp.partition()), info.offset()));
        }
        return ends;
    }

    /** Per consumer group (but the API's own), its committed offsets on the given topics. */
    Map<String, Map<String, Long>> committed(List<String> topics) throws InterruptedException, ExecutionException,
            TimeoutException {
        Admin client = admin.client();
        Map<String, Map<String, Long>> byGroup = new HashMap<>();
        for (GroupListing group : client.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
            if (group.groupId().startsWith(OWN_GROUP_PREFIX)) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> offsets = client.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
            Map<String, Long> mine = new HashMap<>();
            offsets.forEach((tp, offset) -> {
                if (offset != null && topics.contains(tp.topic())) {
                    mine.put(DrainCheck.key(tp.topic(), tp.partition()), offset.offset());
                }
            });
            if (!mine.isEmpty()) {
                byGroup.put(group.groupId(), mine);
            }
        }
        return byGroup;
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
