package com.marketpulse.ingestion.publish;

import com.marketpulse.events.Topics;
import com.marketpulse.ingestion.IngestionProperties;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The topics this service produces, declared here (partitions and replicas from {@code marketpulse.kafka}). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

    @Bean
    NewTopic marketCryptoTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_CRYPTO, properties.kafka());
    }

    @Bean
    NewTopic marketCryptoReplayTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_CRYPTO_REPLAY, properties.kafka());
    }

    @Bean
    NewTopic marketQuotesTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_QUOTES, properties.kafka());
    }

    @Bean
    NewTopic marketQuotesReplayTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_QUOTES_REPLAY, properties.kafka());
    }

    @Bean
    NewTopic marketSourceBarsTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_SOURCE_BARS, properties.kafka());
    }

    @Bean
    NewTopic marketSourceBarsReplayTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_SOURCE_BARS_REPLAY, properties.kafka());
    }

    @Bean
    NewTopic marketLabelsTopic(IngestionProperties properties) {
        return topic(Topics.MARKET_LABELS, properties.kafka());
    }

    private static NewTopic topic(String name, IngestionProperties.Kafka kafka) {
        return new NewTopic(name, kafka.partitions(), kafka.replicationFactor());
    }
}
