package com.marketpulse.detection.archive;

import com.marketpulse.detection.DetectionProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.kafka.autoconfigure.ConcurrentKafkaListenerContainerFactoryConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;

/**
 * The archiver's own listener container: batches, no automatic commits (the archiver commits after sealing),
 * idle events so that an old generation is sealed even when no ticks arrive, and the archiver as rebalance
 * listener.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveConfig {

    static final String CONTAINER_FACTORY = "archiveListenerContainerFactory";

    @Bean
    TickArchive tickArchive(DetectionProperties properties, Clock clock) {
        var archive = properties.archive();
        return new TickArchive(archive.directory(), archive.maxTicksPerFile(), archive.maxFileAge(), clock);
    }

    @Bean
    TickArchiver tickArchiver(TickArchive archive, DeadLetterPublishingRecoverer deadLetters, MeterRegistry meters) {
        return new TickArchiver(archive, deadLetters, meters);
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> archiveListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            TickArchiver archiver, DetectionProperties properties) {
        var factory = new ConcurrentKafkaListenerContainerFactory<Object, Object>();
        configurer.configure(factory, consumers);
        factory.setBatchListener(true);
        // one consumer thread drives the (not thread-safe) archive; partitions scale across instances
        factory.setConcurrency(1);
        ContainerProperties container = factory.getContainerProperties();
        container.setAckMode(ContainerProperties.AckMode.MANUAL);
        container.setConsumerRebalanceListener(archiver.rebalanceListener());
        container.setIdleEventInterval(Math.max(500L, properties.archive().maxFileAge().toMillis() / 4));
        return factory;
    }
}
