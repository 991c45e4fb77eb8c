package com.marketpulse.detection.kafka;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonSerializer;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
import org.springframework.kafka.listener.BackOffHandler;
import org.springframework.kafka.listener.DefaultBackOffHandler;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka wiring shared by every listener of the service: the topics we produce, JSON values without type headers,
 * what a listener accepts ({@link InputPolicy}), and one error handler that waits out outages without a time limit
 * and sends only records that can never succeed to {@code <topic>.DLT}, counting them by reason.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfig {

    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    /** The topics we produce and the dead-letter topics of those we consume, as the catalogue states them. */
    @Bean
    KafkaAdmin.NewTopics detectionTopics(MarketPulseSettings settings) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(), List.of(
                        Topics.MARKET_ALERTS,
                        Topics.MARKET_ALERTS_REPLAY,
                        Topics.deadLetter(Topics.MARKET_FEATURES),
                        Topics.deadLetter(Topics.MARKET_BARS),
                        Topics.deadLetter(Topics.MARKET_FEATURES_REPLAY),
                        Topics.deadLetter(Topics.MARKET_BARS_REPLAY),
                        Topics.deadLetter(Topics.MARKET_LABELS_REPLAY),
                        Topics.deadLetter(Topics.BACKTEST_COMMANDS),
                        Topics.deadLetter(Topics.MARKET_CRYPTO),
                        Topics.deadLetter(Topics.MARKET_QUOTES),
                        Topics.deadLetter(Topics.MARKET_SOURCE_BARS))).toArray(NewTopic[]::new));
    }

    /**
     * How long to wait between attempts while the database or the broker is away: exponential up to a ceiling and
     * without an end (no max elapsed time, no max attempts). A good record that waited out an outage of any length is
     * processed afterwards; giving up would send it to the dead-letter topic, where nothing reads it again.
     */
    static BackOff infrastructureBackOff(DetectionServiceProperties.Retry retry) {
        var backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
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
     * market.features and market.bars (and their replay twins) come from feature-service's transactions, whose
     * commit markers sit after the last record: without this, a consumer that has read everything still shows a lag
     * of 1 per partition. Only for those topics: the fix commits the consumer's position when a poll comes back
     * empty, which for the tick archive (it commits only what is sealed in a file) would commit ticks not yet
     * durable.
     */
    @Bean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> fixTransactionMarkers() {
        Set<String> transactional = Set.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS, Topics.MARKET_FEATURES_REPLAY,
                Topics.MARKET_BARS_REPLAY);
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
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders().add(RejectedRecordException.REASON_HEADER,
                reason(e).getBytes(StandardCharsets.UTF_8)));
        return recoverer;
    }

    /** What every listener accepts (configured symbols on live topics, a cap per backtest run, no far future). */
    @Bean
    InputPolicy inputPolicy(MarketPulseSettings settings, Clock clock) {
        return new InputPolicy(settings, clock);
    }

    @Bean
    DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters,
                                     DetectionServiceProperties properties) {
        return errorHandler(recoverer, meters, infrastructureBackOff(properties.retry()), new DefaultBackOffHandler());
    }

    /**
     * The one error handler of the record listeners. A record the database or the broker could not take because it
     * was away is retried (the partition waits: the consumer seeks back to it) until they are back, without a time
     * limit; a record that can never succeed — unreadable bytes ({@link DeserializationException}) or values the
     * listener refuses ({@link RejectedRecordException}) — goes to {@code <topic>.DLT} at once; any other failure
     * after three attempts. Every dead letter is counted by topic and reason and logged.
     *
     * @param waits how a back-off waits: sleeping in the consumer thread, or a virtual clock in tests
     */
    static DefaultErrorHandler errorHandler(DeadLetterPublishingRecoverer recoverer, MeterRegistry meters,
                                            BackOff infrastructure, BackOffHandler waits) {
        var handler = new DefaultErrorHandler((record, e) -> {
            String reason = reason(e);
            Counter.builder("marketpulse.detection.dead.letters").tag("topic", record.topic()).tag("reason", reason)
                    .register(meters).increment();
            log.warn("Record {}-{}@{} (key {}) could not be processed ({}) and goes to {}: {}", record.topic(),
                    record.partition(), record.offset(), abbreviatedKey(record.key()), reason,
                    Topics.deadLetter(record.topic()), e.getMessage());
            recoverer.accept(record, e);
        }, new FixedBackOff(500L, 2L), waits);
        handler.addNotRetryableExceptions(RejectedRecordException.class);
        // the database or the broker being away is no fault of the record: wait for them (the partition waits too)
        // instead of filling the dead-letter topic with good records
        handler.setBackOffFunction((record, e) -> isInfrastructure(e) ? infrastructure : null);
        return handler;
    }

    /** A short word for the counter and the dead letter's header. */
    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedRecordException rejected) {
                return rejected.reason();
            }
            if (cause instanceof DeserializationException) {
                return "unreadable";
            }
        }
        return "failed";
    }

    private static Object abbreviatedKey(Object key) {
        return key instanceof String text ? InputPolicy.abbreviate(text) : key;
    }
}
