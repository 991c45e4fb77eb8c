package com.marketpulse.ingestion.source;

import com.marketpulse.events.Symbols;
import com.marketpulse.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import com.marketpulse.events.TopicCatalogue;
import org.springframework.kafka.core.KafkaAdmin;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.ingestion.alpaca.AlpacaSettings;
import com.marketpulse.ingestion.publish.PublishedBars;
import com.marketpulse.ingestion.publish.PublishedTrades;
import com.marketpulse.ingestion.publish.TickPublisher;
import com.marketpulse.ingestion.replay.ReplayFormat;
import com.marketpulse.ingestion.replay.ReplaySpeed;
import com.marketpulse.settings.MarketPulseSettings;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Picks the one source this instance runs ({@code MARKETPULSE_SOURCE}) and wires it to the publisher. */
@Configuration(proxyBeanMethods = false)
class SourceConfig {

    private static final Logger log = LoggerFactory.getLogger(SourceConfig.class);

    @Bean
    SourceRunner sourceRunner(MarketPulseSettings settings, IngestionProperties properties, TickPublisher publisher,
                              PublishedBars publishedBars, PublishedTrades publishedTrades, MeterRegistry registry,
                              KafkaProperties kafka) {
        SourceKind kind = SourceKind.resolve(properties.source(), properties.alpaca().hasKeys());
        List<String> symbols = settings.symbols().stream().map(Symbols::normalize).distinct().toList();
        log.info("Ingestion source: {} for {}, run by the instance that holds the source lease (takes over {} after"
                + " the holder dies)", kind.name().toLowerCase(), symbols, properties.sourceLeaseTimeout());
        Supplier<IngestionSource> sources = () -> switch (kind) {
            case SIMULATOR -> new SimulatorSource(settings.simulator(), symbols, publisher, Clock.systemUTC());
            case ALPACA -> new AlpacaSource(alpacaSettings(properties.alpaca(), symbols,
                    settings.edge()), publisher, publishedBars,
                    publishedTrades, registry);
            case REPLAY -> replaySource(properties.replay(), settings.edge(), publisher);
        };
        return new SourceRunner(kind, sources,
                new SourceLease(kafka.buildConsumerProperties(), properties.sourceLeaseTimeout()));
    }

    /** The lease's topic, as the catalogue states it: one partition, so one holder (nothing is ever written to it). */
    @Bean
    KafkaAdmin.NewTopics sourceLeaseTopic(MarketPulseSettings settings) {
        return new KafkaAdmin.NewTopics(TopicCatalogue.newTopics(settings.kafka().partitions(),
                settings.kafka().replicationFactor(), List.of(Topics.SOURCE_LEASE)).toArray(NewTopic[]::new));
    }

    static ReplaySource replaySource(IngestionProperties.Replay replay, MarketPulseSettings.Edge edge,
                                     TickPublisher publisher) {
        if (replay.file() == null || replay.file().isBlank()) {
            throw new IllegalStateException("MARKETPULSE_SOURCE=replay needs MARKETPULSE_REPLAY_FILE (a CSV or Parquet"
                    + " file of trades, or a 1-minute candle file)");
        }
        return new ReplaySource(Path.of(replay.file()), ReplayFormat.parse(replay.format()), replay.symbol(),
                ReplaySpeed.parse(replay.speed()), replay.runId(), edge, publisher, Clock.systemUTC());
    }

    static AlpacaSettings alpacaSettings(IngestionProperties.Alpaca alpaca, List<String> symbols,
                                         MarketPulseSettings.Edge edge) {
        if (!alpaca.hasKeys()) {
            throw new IllegalStateException("MARKETPULSE_SOURCE=alpaca needs ALPACA_API_KEY and ALPACA_SECRET_KEY");
        }
        return new AlpacaSettings(alpaca.location(), alpaca.streamUrl(), alpaca.dataUrl(), alpaca.apiKey(), alpaca.secretKey(), symbols,
                alpaca.pingInterval(), alpaca.silenceTimeout(), alpaca.handshakeTimeout(), alpaca.initialBackoff(),
                alpaca.maxBackoff(), alpaca.limitBackoff(), alpaca.maxBackfill(), alpaca.barSeed(), edge.maxFuture());
    }
}
