package com.marketpulse.api.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import com.marketpulse.api.contract.StatusReport;
import com.marketpulse.api.kafka.QuickAdmin;

/**
 * Reads broker reachability, every consumer group's lag (end offset minus committed offset, summed per topic) and its
 * members with the partitions each owns (so the status page shows how the partitions are spread over the instances
 * of a service) with the Kafka admin client. The API's own per-instance stream groups are left out.
 */
@Component
class KafkaLag {

    static final String OWN_GROUP_PREFIX = "api-service-stream-";
    private static final Logger log = LoggerFactory.getLogger(KafkaLag.class);
    private static final long TIMEOUT_MS = 2_000;

    private final QuickAdmin admin;

    KafkaLag(KafkaAdmin kafkaAdmin) {
        this.admin = new QuickAdmin(kafkaAdmin, Duration.ofMillis(TIMEOUT_MS));
    }

    record Reading(StatusReport.Stage stage, List<StatusReport.ConsumerLag> lags,
                   List<StatusReport.PartitionOwner> owners) {
    }

    Reading read() {
        try {
            Admin client = admin.client();
            int brokers = client.describeCluster().nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
            List<StatusReport.ConsumerLag> lags = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            for (GroupListing group : client.listGroups(ListGroupsOptions.forConsumerGroups()).all()
                    .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
                if (!group.groupId().startsWith(OWN_GROUP_PREFIX)) {
                    lags.addAll(lagOf(client, group.groupId()));
                    groups.add(group.groupId());
                }
            }
            lags.sort((a, b) -> (a.group() + a.topic()).compareTo(b.group() + b.topic()));
            return new Reading(new StatusReport.Stage("kafka", "UP", brokers + " broker(s) reachable"), lags,
                    ownersOf(client, groups));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down();
        } catch (Exception e) {
            log.debug("status: Kafka not readable", e);
            return down();
        }
    }

    private static List<StatusReport.ConsumerLag> lagOf(Admin client, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null) {
                latest.put(partition, OffsetSpec.latest());
            }
        });
        if (latest.isEmpty()) {
            return List.of();
        }
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<String, Long> byTopic = new TreeMap<>();
        ends.forEach((partition, end) -> byTopic.merge(partition.topic(),
                Math.max(0, end.offset() - committed.get(partition).offset()), Long::sum));
        return byTopic.entrySet().stream()
                .map(e -> new StatusReport.ConsumerLag(group, e.getKey(), e.getValue()))
                .toList();
    }

    /** Every member of the groups with the partitions it is assigned now, by group, then member. */
    private static List<StatusReport.PartitionOwner> ownersOf(Admin client, List<String> groups) throws Exception {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<StatusReport.PartitionOwner> owners = new ArrayList<>();
        Map<String, ConsumerGroupDescription> described = client.describeConsumerGroups(groups).all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        described.forEach((group, description) -> description.members().forEach(member -> owners.add(
                new StatusReport.PartitionOwner(group, member.clientId(), member.host(),
                        member.assignment().topicPartitions().stream()
                                .sorted(Comparator.comparing(TopicPartition::topic)
                                        .thenComparingInt(TopicPartition::partition))
                                .map(TopicPartition::toString).toList()))));
        owners.sort(Comparator.comparing(StatusReport.PartitionOwner::group)
                .thenComparing(StatusReport.PartitionOwner::member));
        return owners;
    }

    private static Reading down() {
        return new Reading(new StatusReport.Stage("kafka", "DOWN", "no broker answered within " + TIMEOUT_MS + " ms"),
                List.of(), List.of());
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
