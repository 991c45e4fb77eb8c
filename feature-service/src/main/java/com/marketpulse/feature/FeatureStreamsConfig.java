package com.marketpulse.feature;

import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.feature.stream.DeadLetterDeserializationHandler;
import com.marketpulse.feature.stream.DeadLetterProcessingHandler;
import com.marketpulse.feature.stream.FeatureTopology;
import com.marketpulse.feature.stream.InputLimits;
import com.marketpulse.feature.stream.StreamEvents;
import com.marketpulse.settings.MarketPulseSettings;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.annotation.KafkaStreamsDefaultConfiguration;
import org.springframework.kafka.config.KafkaStreamsConfiguration;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs {@link FeatureTopology} as the application's Kafka Streams client (Spring Kafka's
 * {@code StreamsBuilderFactoryBean}: started and stopped with the application context).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class FeatureStreamsConfig {

    private static final Logger log = LoggerFactory.getLogger(FeatureStreamsConfig.class);

    /**
     * The streams configuration: {@code spring.kafka.streams.*} (application id, state dir, processing guarantee,
     * see application.yml), plus the replication factor of changelog topics from the shared settings ({@code marketpulse.kafka}),
     * the dead-letter handlers and the counters they report to.
     */
    @Bean(KafkaStreamsDefaultConfiguration.DEFAULT_STREAMS_CONFIG_BEAN_NAME)
    KafkaStreamsConfiguration defaultKafkaStreamsConfig(KafkaProperties kafka, MarketPulseSettings settings,
                                                        StreamEvents events, FeatureServiceProperties own,
                                                        @Value("${spring.application.name}") String applicationName) {
        Map<String, Object> config = kafka.buildStreamsProperties();
        config.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, applicationName);
        config.putIfAbsent(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) settings.kafka().replicationFactor());
        // a second instance keeps a warm copy of the other's stores: a takeover then restores only what the
        // standby had not read yet, not the whole changelog (with one instance no standby is placed)
        config.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, own.standbyReplicas());
        config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterDeserializationHandler.class);
        config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class);
        config.put(StreamEvents.CONFIG, events);
        log.info("Kafka Streams application {} with {} processing, {} standby replica(s), state in {}",
                config.get(StreamsConfig.APPLICATION_ID_CONFIG), config.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG),
                own.standbyReplicas(), config.get(StreamsConfig.STATE_DIR_CONFIG));
        return new KafkaStreamsConfiguration(config);
    }

    @Bean
    StreamsBuilderFactoryBeanConfigurer featureTopology(MarketPulseSettings settings, FeatureServiceProperties own,
                                                        StreamEvents events, StateTransfers transfers) {
        return factoryBean -> {
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureBuilder(StreamsBuilder builder) {
                    FeatureTopology.build(builder, settings.features(), own.replayStateTtl(),
                            InputLimits.of(settings, Clock.systemUTC()), events);
                }
            });
            factoryBean.setStreamsUncaughtExceptionHandler(exception -> {
                log.error("Kafka Streams thread failed; replacing it", exception);
                return StreamThreadExceptionResponse.REPLACE_THREAD;
            });
            // a restarted instance gets its partitions at once instead of after the old member's session timeout
            factoryBean.setLeaveGroupOnClose(true);
            factoryBean.setStateRestoreListener(transfers);
            factoryBean.setKafkaStreamsCustomizer(streams -> streams.setStandbyUpdateListener(transfers));
            factoryBean.setStateListener((newState, oldState) ->
                    log.info("Kafka Streams {} -> {}", oldState, newState));
        };
    }

    /**
     * The topics this service writes, and its input topics too (same settings as their producer declares), so
     * that the Streams client can start before the ingestion service has created them: trades, quotes and source
     * bars, live and replay, each with its dead-letter topic.
     */
    @Bean
    KafkaAdmin.NewTopics featureServiceTopics(MarketPulseSettings settings) {
        List<String> names = new ArrayList<>(FeatureTopology.outputTopics());
        for (String input : FeatureTopology.inputTopics()) {
            names.add(input);
            names.add(Topics.deadLetter(input));
        }
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(), names).toArray(NewTopic[]::new));
    }
}
