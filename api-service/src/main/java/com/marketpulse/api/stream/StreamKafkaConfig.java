package com.marketpulse.api.stream;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import com.marketpulse.events.Alert;
import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.settings.MarketPulseSettings;

/**
 * Consumer of {@code market.alerts} for the live stream: JSON into {@link Alert} (no type headers), bad bytes
 * caught by the {@link ErrorHandlingDeserializer} and, like any record that keeps failing, published unchanged to
 * {@code market.alerts.DLT}, counted and logged; the consumer carries on.
 */
@Configuration
class StreamKafkaConfig {

    static final String DEAD_LETTERS = Topics.deadLetter(Topics.MARKET_ALERTS);
    private static final Logger log = LoggerFactory.getLogger(StreamKafkaConfig.class);

    @Bean
    NewTopic alertsDeadLetterTopic(MarketPulseSettings settings) {
        return TopicCatalogue.spec(DEAD_LETTERS).newTopic(settings.kafka().partitions(),
                settings.kafka().replicationFactor());
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Alert> alertStreamFactory(KafkaProperties kafka,
            MeterRegistry meters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        // each instance streams every alert from now on; a reconnecting client catches up from the database
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        var values = new ErrorHandlingDeserializer<>(EventSerdes.alert().deserializer());
        // nothing is ever committed: the instance starts from "latest" anyway, and a group without offsets is
        // deleted by the broker when its instance stops, so restarts leave no stale groups behind
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Alert>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), values));
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.MANUAL);
        factory.getContainerProperties().setAssignmentCommitOption(ContainerProperties.AssignmentCommitOption.NEVER);
        DefaultErrorHandler errors = errorHandler(kafka, meters);
        errors.setAckAfterHandle(false);
        factory.setCommonErrorHandler(errors);
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<Class<?>, Serializer<?>> byType = new java.util.LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(Alert.class, EventSerdes.alert().serializer());
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new DelegatingByTypeSerializer(byType)));
        Counter deadLetters = meters.counter("marketpulse.api.stream.dead.letters");
        // same partition of market.alerts.DLT (Spring Kafka 4's default name would be market.alerts-dlt)
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(DEAD_LETTERS, record.partition()));
        return new DefaultErrorHandler((record, failure) -> {
            deadLetters.increment();
            log.warn("market.alerts record at partition {} offset {} could not be processed ({}); sent to {}",
                    record.partition(), record.offset(), rootMessage(failure), DEAD_LETTERS);
            recoverer.accept(record, failure);
        }, new FixedBackOff(0L, 1L));
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
