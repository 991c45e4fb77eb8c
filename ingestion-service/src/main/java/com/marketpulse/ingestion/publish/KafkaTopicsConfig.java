package com.marketpulse.ingestion.publish;

import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.settings.MarketPulseSettings;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces, as the catalogue states them (partitions and replicas from the settings). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    static final List<String> PRODUCED = List.of(Topics.MARKET_CRYPTO, Topics.MARKET_CRYPTO_REPLAY,
            Topics.MARKET_QUOTES, Topics.MARKET_QUOTES_REPLAY, Topics.MARKET_SOURCE_BARS,
            Topics.MARKET_SOURCE_BARS_REPLAY, Topics.MARKET_LABELS);

    @Bean
    KafkaAdmin.NewTopics ingestionTopics(MarketPulseSettings settings) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(), PRODUCED).toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
