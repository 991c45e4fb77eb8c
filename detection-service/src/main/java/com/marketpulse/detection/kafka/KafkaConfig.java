package com.marketpulse.detection.kafka;

import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonSerializer;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring shared by every listener of the service: the topics we produce, JSON values without type headers,
 * and one error handler that retries briefly and then sends the record to {@code <topic>.DLT}, counting it.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /** The topic we produce and the dead-letter topics of those we consume, as the catalogue states them. */
    @Bean
    KafkaAdmin.NewTopics detectionTopics(MarketPulseSettings settings) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(), List.of(
                        Topics.MARKET_ALERTS,
                        Topics.deadLetter(Topics.MARKET_FEATURES),
                        Topics.deadLetter(Topics.MARKET_BARS),
                        Topics.deadLetter(Topics.MARKET_CRYPTO),
                        Topics.deadLetter(Topics.MARKET_QUOTES),
                        Topics.deadLetter(Topics.MARKET_SOURCE_BARS))).toArray(NewTopic[]::new));
    }

    private static final ExponentialBackOff INFRASTRUCTURE_BACK_OFF = infrastructureBackOff();

    private static ExponentialBackOff infrastructureBackOff() {
        var backOff = new ExponentialBackOff(1_000L, 2.0);
        backOff.setMaxInterval(30_000L);
        backOff.setMaxElapsedTime(600_000L);
        return backOff;
    }

    static boolean isInfrastructure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException
                    || cause instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Events as JSON; the raw bytes of a record that could not be read go to the DLT unchanged. */
    @Bean
    DefaultKafkaProducerFactoryCustomizer jsonValues() {
        return factory -> {
            Serializer<?> values = new DelegatingByTypeSerializer(Map.of(
                    byte[].class, new ByteArraySerializer(),
                    Object.class, new EventJsonSerializer<>()), true);
            @SuppressWarnings("unchecked")
            var typed = (org.springframework.kafka.core.DefaultKafkaProducerFactory<Object, Object>) factory;
            typed.setValueSerializer((Serializer<Object>) values);
        };
    }

    /**
     * market.features and market.bars come from feature-service's transactions, whose commit markers sit after the
     * last record: without this, a consumer that has read everything still shows a lag of 1 per partition. Only
     * for those topics: the fix commits the consumer's position when a poll comes back empty, which for the tick
     * archive (it commits only what is sealed in a file) would commit ticks not yet durable.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fixTransactionMarkers() {
        Set<String> transactional = Set.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS);
        return container -> {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null && topics.length > 0 && transactional.containsAll(Arrays.asList(topics))) {
                container.getContainerProperties().setFixTxOffsets(true);
            }
        };
    }

    /** Publishes a record that could not be processed to {@code <topic>.DLT}, its raw bytes kept when unreadable. */
    @Bean
    DeadLetterPublishingRecoverer deadLetterPublisher(KafkaTemplate<Object, Object> template) {
        return new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
    }

    @Bean
    DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters) {
        var handler = new DefaultErrorHandler((record, e) -> {
            Counter.builder("marketpulse.detection.dead.letters").tag("topic", record.topic())
                    .register(meters).increment();
            log.warn("Record {}-{}@{} (key {}) could not be processed and goes to {}: {}", record.topic(),
                    record.partition(), record.offset(), record.key(), Topics.deadLetter(record.topic()),
                    e.getMessage());
            recoverer.accept(record, e);
        }, new FixedBackOff(500L, 2L));
        // the database or the broker being away is no fault of the record: wait for them (the partition waits too)
        // instead of filling the dead-letter topic with good records
        handler.setBackOffFunction((record, e) -> isInfrastructure(e) ? INFRASTRUCTURE_BACK_OFF : null);
        return handler;
    }
}
