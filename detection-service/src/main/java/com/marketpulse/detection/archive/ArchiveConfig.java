package com.marketpulse.detection.archive;

import com.marketpulse.files.archive.EventSchema;
import com.marketpulse.files.archive.QuoteSchema;
import com.marketpulse.files.archive.BarSchema;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.detection.kafka.InputPolicy;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.settings.MarketPulseSettings;
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
 * One archiver per kind — trades at the archive root, quotes under {@code quotes/}, source bars under {@code bars/}
 * — with the same rotation settings, and each its own listener container: batches, no automatic commits (the
 * archiver commits after sealing), idle events so that an old generation is sealed even when nothing arrives, and
 * the archiver as rebalance listener.
 */
@Configuration(proxyBeanMethods = false)
class ArchiveConfig {

    static final String TICKS_CONTAINER_FACTORY = "archiveListenerContainerFactory";
    static final String QUOTES_CONTAINER_FACTORY = "quoteArchiveListenerContainerFactory";
    static final String BARS_CONTAINER_FACTORY = "barArchiveListenerContainerFactory";

    @Bean
    EventArchiver<Tick> tickArchiver(DetectionServiceProperties properties, MarketPulseSettings shared, Clock clock,
                                     DeadLetterPublishingRecoverer deadLetters, InputPolicy policy,
                                     MeterRegistry meters) {
        var settings = properties.archive();
        var archive = new TickArchive(shared.archive().directory(), settings.maxTicksPerFile(), settings.maxFileAge(), clock);
        return new EventArchiver<>(Topics.MARKET_CRYPTO, archive, deadLetters,
                t -> policy.check(t.symbol(), t.runId(), t.eventTime()), meters);
    }

    @Bean
    EventArchiver<Quote> quoteArchiver(DetectionServiceProperties properties, MarketPulseSettings shared, Clock clock,
                                       DeadLetterPublishingRecoverer deadLetters, InputPolicy policy,
                                       MeterRegistry meters) {
        return new EventArchiver<>(Topics.MARKET_QUOTES, archive(QuoteSchema.QUOTES, properties, shared, clock),
                deadLetters, q -> policy.check(q.symbol(), q.runId(), q.eventTime()), meters);
    }

    @Bean
    EventArchiver<SourceBar> barArchiver(DetectionServiceProperties properties, MarketPulseSettings shared,
                                         Clock clock,
                                         DeadLetterPublishingRecoverer deadLetters, InputPolicy policy,
                                       MeterRegistry meters) {
        return new EventArchiver<>(Topics.MARKET_SOURCE_BARS, archive(BarSchema.BARS, properties, shared, clock),
                deadLetters, b -> policy.check(b.symbol(), b.runId(), b.eventTime()), meters);
    }

    @Bean(TICKS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> archiveListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            EventArchiver<Tick> archiver, DetectionServiceProperties properties) {
        return containers(configurer, consumers, archiver, properties);
    }

    @Bean(QUOTES_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> quoteArchiveListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            EventArchiver<Quote> archiver, DetectionServiceProperties properties) {
        return containers(configurer, consumers, archiver, properties);
    }

    @Bean(BARS_CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<Object, Object> barArchiveListenerContainerFactory(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            EventArchiver<SourceBar> archiver, DetectionServiceProperties properties) {
        return containers(configurer, consumers, archiver, properties);
    }

    private static <E> EventArchive<E> archive(EventSchema<E> schema, DetectionServiceProperties properties,
                                               MarketPulseSettings shared, Clock clock) {
        var settings = properties.archive();
        return new EventArchive<>(shared.archive().directory(), schema, settings.maxTicksPerFile(), settings.maxFileAge(),
                clock);
    }

    private static ConcurrentKafkaListenerContainerFactory<Object, Object> containers(
            ConcurrentKafkaListenerContainerFactoryConfigurer configurer, ConsumerFactory<Object, Object> consumers,
            EventArchiver<?> archiver, DetectionServiceProperties properties) {
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
