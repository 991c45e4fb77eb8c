package com.marketpulse.feature;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code marketpulse.kafka.*}: partitions of the topics this service declares, and the replication factor of
 * those and of the Streams changelog topics.
 */
@ConfigurationProperties("marketpulse.kafka")
record KafkaTopicProperties(@DefaultValue("3") int partitions, @DefaultValue("1") short replicationFactor) {
}
