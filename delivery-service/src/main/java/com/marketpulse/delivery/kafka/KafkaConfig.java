package com.marketpulse.delivery.kafka;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

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
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJsonSerializer;
import com.marketpulse.settings.MarketPulseSettings;

/**
 * The alert listener's error handling, as detection's: a record that can never be delivered (unreadable bytes,
 * {@link RejectedAlertException}) goes to {@code market.alerts.DLT} at once, counted and logged; while the database
 * is away the partition waits and retries (1 s doubling to 30 s, no end), so no good alert is dead-lettered by an
 * outage; any other failure after three attempts.
 */
@Configuration
public class KafkaConfig {

    static final String DEAD_LETTERS = Topics.deadLetter(Topics.MARKET_ALERTS);
    /** PostgreSQL's undefined_table and insufficient_privilege. */
    private static final Set<String> WAIT_FOR_THE_API = Set.of("42P01", "42501");
    private static final Logger log = LoggerFactory.getLogger(KafkaConfig.class);

    @Bean
    NewTopic alertsDeadLetterTopic(MarketPulseSettings settings) {
        return TopicCatalogue.spec(DEAD_LETTERS).newTopic(settings.kafka().partitions(),
                settings.kafka().replicationFactor());
    }

    /** The raw bytes of a record that could not be read go to the DLT unchanged; an alert as JSON. */
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

    @Bean
    DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        var recoverer = new DeadLetterPublishingRecoverer(template,
                (record, e) -> new TopicPartition(DEAD_LETTERS, -1));
        recoverer.setHeadersFunction((record, e) -> new RecordHeaders().add(RejectedAlertException.REASON_HEADER,
                reason(e).getBytes(StandardCharsets.UTF_8)));
        var handler = new DefaultErrorHandler((record, e) -> {
            String reason = reason(e);
            Counter.builder("marketpulse.delivery.dead.letters").tag("reason", reason).register(meters).increment();
            log.warn("market.alerts record {}@{} could not be delivered ({}) and goes to {}: {}", record.partition(),
                    record.offset(), reason, DEAD_LETTERS, e.getMessage());
            recoverer.accept(record, e);
        }, new FixedBackOff(500L, 2L));
        handler.addNotRetryableExceptions(RejectedAlertException.class);
        BackOff outage = outageBackOff();
        handler.setBackOffFunction((record, e) -> isInfrastructure(e) ? outage : null);
        return handler;
    }

    private static BackOff outageBackOff() {
        var backOff = new ExponentialBackOff(1_000, 2.0);
        backOff.setMaxInterval(30_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        backOff.setMaxAttempts(Long.MAX_VALUE);
        return backOff;
    }

    /**
     * The database away, or the API's tables not there (yet) or not granted: api-service creates them and grants
     * delivery-service's role the reads when it migrates, which may be after this service started. Waiting is right
     * for all of these; dead-lettering a good alert is not.
     */
    static boolean isInfrastructure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (cause instanceof SQLException sql && WAIT_FOR_THE_API.contains(String.valueOf(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RejectedAlertException rejected) {
                return rejected.reason();
            }
            if (cause instanceof DeserializationException) {
                return "unreadable";
            }
        }
        return "failed";
    }
}
