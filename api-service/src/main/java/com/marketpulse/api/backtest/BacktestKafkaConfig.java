package com.marketpulse.api.backtest;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.util.backoff.FixedBackOff;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.settings.MarketPulseSettings;

/**
 * The API's side of the backtest topics: it publishes {@link BacktestCommand}s (acknowledged by every replica
 * before a start is answered) and reads {@link BacktestProgress} in one group shared by its instances (the job rows
 * are shared too). A progress record that can never be processed goes to {@code backtest.progress.DLT}, counted and logged;
 * the rest goes on.
 */
@Configuration
class BacktestKafkaConfig {

    static final String PROGRESS_GROUP = "api-service-backtests";
    static final String DEAD_LETTERS = Topics.deadLetter(Topics.BACKTEST_PROGRESS);
    private static final Logger log = LoggerFactory.getLogger(BacktestKafkaConfig.class);

    @Bean
    KafkaAdmin.NewTopics backtestTopics(MarketPulseSettings settings) {
        int partitions = settings.kafka().partitions();
        short replicas = settings.kafka().replicationFactor();
        return new KafkaAdmin.NewTopics(
                TopicCatalogue.spec(Topics.BACKTEST_COMMANDS).newTopic(partitions, replicas),
                TopicCatalogue.spec(Topics.BACKTEST_PROGRESS).newTopic(partitions, replicas),
                TopicCatalogue.spec(DEAD_LETTERS).newTopic(partitions, replicas));
    }

    @Bean
    KafkaTemplate<String, BacktestCommand> backtestCommands(KafkaProperties kafka) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                EventSerdes.backtestCommand().serializer()));
    }

    @Bean
    ConcurrentKafkaListenerContainerFactory<String, BacktestProgress> backtestProgressFactory(KafkaProperties kafka,
            MeterRegistry meters) {
        Map<String, Object> consumer = new HashMap<>(kafka.buildConsumerProperties());
        // a job started while the API was down still learns how its run went
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        var values = new ErrorHandlingDeserializer<>(EventSerdes.backtestProgress().deserializer());
        var factory = new ConcurrentKafkaListenerContainerFactory<String, BacktestProgress>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(consumer, new StringDeserializer(), values));
        factory.setCommonErrorHandler(errorHandler(kafka, meters));
        return factory;
    }

    private static DefaultErrorHandler errorHandler(KafkaProperties kafka, MeterRegistry meters) {
        Map<String, Object> producer = new HashMap<>(kafka.buildProducerProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(BacktestProgress.class, EventSerdes.backtestProgress().serializer());
        var template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(producer, new StringSerializer(),
                new DelegatingByTypeSerializer(byType)));
        Counter deadLetters = meters.counter("marketpulse.api.backtest.progress.dead.letters");
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, failure) -> new TopicPartition(DEAD_LETTERS, record.partition()));
        recoverer.setHeadersFunction((record, failure) -> new RecordHeaders().add(Topics.DEAD_LETTER_REASON,
                reason(failure).getBytes(StandardCharsets.UTF_8)));
        var handler = new DefaultErrorHandler((record, failure) -> {
            deadLetters.increment();
            log.warn("backtest.progress record at partition {} offset {} could not be processed ({}); sent to {}",
                    record.partition(), record.offset(), failure.getMessage(), DEAD_LETTERS);
            recoverer.accept(record, failure);
        }, new FixedBackOff(2_000L, FixedBackOff.UNLIMITED_ATTEMPTS));
        // a database outage pauses the consumer until it is back (the record would succeed then); anything else
        // can never succeed and is set aside at once
        handler.defaultFalse();
        handler.addRetryableExceptions(DataAccessResourceFailureException.class, TransientDataAccessException.class);
        return handler;
    }

    /** The reason header's value: {@code unreadable} for bytes that are no progress report, else the failure. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof org.springframework.kafka.support.serializer.DeserializationException) {
                return "unreadable";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
