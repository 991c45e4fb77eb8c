package com.marketpulse.feature;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * The Kafka Streams client's state as health ({@code kafkaStreams} in /actuator/health): UP while running or
 * rebalancing, OUT_OF_SERVICE before it has started, DOWN once it is shutting down or has failed.
 */
@Component("kafkaStreams")
class StreamsHealthIndicator implements HealthIndicator {

    private final StreamsBuilderFactoryBean factoryBean;

    StreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        this.factoryBean = factoryBean;
    }

    @Override
    public Health health() {
        KafkaStreams streams = factoryBean.getKafkaStreams();
        if (streams == null) {
            return Health.outOfService().withDetail("state", "NOT_STARTED").build();
        }
        KafkaStreams.State state = streams.state();
        Health.Builder health = switch (state) {
            case RUNNING, REBALANCING -> Health.up();
            case CREATED -> Health.outOfService();
            case PENDING_SHUTDOWN, NOT_RUNNING, PENDING_ERROR, ERROR -> Health.down();
        };
        health.withDetail("state", state.name());
        if (state.isRunningOrRebalancing()) {
            health.withDetail("activeTasks",
                    streams.metadataForLocalThreads().stream().mapToLong(t -> t.activeTasks().size()).sum());
            health.withDetail("standbyTasks",
                    streams.metadataForLocalThreads().stream().mapToLong(t -> t.standbyTasks().size()).sum());
        }
        return health.build();
    }
}
