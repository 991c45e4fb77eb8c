package com.marketpulse.events;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How one topic is created. Every topic has the configured partition count ({@code marketpulse.kafka.partitions}, the
 * unit of scale) and replication factor, passed in by whoever creates it, unless it states its own partition count
 * (a lease: one partition, one holder); the rest is stated here.
 *
 * @param name          the topic
 * @param compacted     {@code cleanup.policy=compact} (latest value per key) instead of deletion by age
 * @param retention     how long records are kept ({@code retention.ms}); {@code null} for the broker's default
 * @param logAppendTime {@code message.timestamp.type=LogAppendTime}: the broker's receive time, not the producer's
 *                      (a replay's old event times must not make its records expire at once)
 * @param ownPartitions the topic's own partition count, whatever the configured one; 0 for the configured one
 */
public record TopicSpec(String name, boolean compacted, Duration retention, boolean logAppendTime, int ownPartitions) {

    /** A topic with the broker's defaults: deletion by age, the default retention, the producer's timestamps. */
    static TopicSpec plain(String name) {
        return new TopicSpec(name, false, null, false, 0);
    }

    /** A topic of one partition, whatever the configured count: its partition 0 is a lease only one member holds. */
    static TopicSpec lease(String name) {
        return new TopicSpec(name, false, null, false, 1);
    }

    /** The topic-level settings that differ from the broker's defaults. */
    public Map<String, String> configs() {
        Map<String, String> configs = new LinkedHashMap<>();
        if (compacted) {
            configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        if (retention != null) {
            configs.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()));
        }
        if (logAppendTime) {
            configs.put(TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "LogAppendTime");
        }
        return configs;
    }

    /** The admin client's request to create this topic. */
    public NewTopic newTopic(int partitions, short replicationFactor) {
        return new NewTopic(name, ownPartitions > 0 ? ownPartitions : partitions, replicationFactor).configs(configs());
    }
}
