package com.marketpulse.ingestion.publish;

import com.marketpulse.events.TopicCatalogue;
import com.marketpulse.events.Topics;
import com.marketpulse.settings.MarketPulseSettings;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/** The topics this service produces (and their dead-letter topics), as the catalogue states them (partitions and replicas from the settings). */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfig {

    static final List<String> PRODUCED = List.of(Topics.MARKET_CRYPTO, Topics.MARKET_CRYPTO_REPLAY,
            Topics.MARKET_QUOTES, Topics.MARKET_QUOTES_REPLAY, Topics.MARKET_SOURCE_BARS,
            Topics.MARKET_SOURCE_BARS_REPLAY, Topics.MARKET_LABELS, Topics.MARKET_LABELS_REPLAY,
            Topics.BACKTEST_PROGRESS, Topics.BACKTEST_COMMANDS);

    /**
     * Where an event rejected at the edge, or refused by the broker for good, goes instead of its topic; and a backtest command that
     * cannot be read. ({@code backtest.commands} is api-service's, created here too so backtests wait for no one.)
     */
    static final List<String> DEAD_LETTERS = PRODUCED.stream().filter(topic -> !topic.equals(Topics.MARKET_LABELS))
            .map(Topics::deadLetter).toList();

    @Bean
    KafkaAdmin.NewTopics ingestionTopics(MarketPulseSettings settings) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(),
                Stream.concat(PRODUCED.stream(), DEAD_LETTERS.stream()).toList()).toArray(NewTopic[]::new));
    }
}
