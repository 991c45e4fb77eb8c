package com.marketpulse.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicCatalogueTest {

    @Test
    void everyTopicHasTheConfiguredPartitionsButTheSourceLeaseHasOne() {
        List<NewTopic> topics = TopicCatalogue.newTopics(6, (short) 1);

        assertThat(topics).filteredOn(t -> t.name().equals(Topics.SOURCE_LEASE)).singleElement()
                .satisfies(lease -> assertThat(lease.numPartitions()).isEqualTo(1));
        assertThat(topics).filteredOn(t -> !t.name().equals(Topics.SOURCE_LEASE))
                .isNotEmpty().allSatisfy(topic -> assertThat(topic.numPartitions()).as(topic.name()).isEqualTo(6));
    }
}
