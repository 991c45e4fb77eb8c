package com.marketpulse.feature.stream;

import com.marketpulse.events.Bar;
import com.marketpulse.events.FeatureVector;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.feature.math.FeatureSettings;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

import java.time.Duration;

/**
 * The whole feature-service topology:
 * <pre>
 * market.crypto        → live-features   (store feature-state-live,   key symbol)        ┐→ market.features
 * market.crypto.replay → replay-features (store feature-state-replay, key runId|symbol) ┘→ market.bars
 * </pre>
 * Two independent sub-topologies, so a backtest never reads or writes live state (and the two input topics
 * need not be co-partitioned). The stores are persistent (RocksDB) with changelog topics, so the state survives a
 * restart or a move to another instance; a backtest's state is deleted once the run has been idle for the
 * configured time. Records that cannot be read go to {@code <topic>.DLT} through
 * {@link DeadLetterDeserializationHandler}.
 */
public final class FeatureTopology {

    public static final String LIVE_STORE = "feature-state-live";
    public static final String REPLAY_STORE = "feature-state-replay";

    private FeatureTopology() {
    }

    /**
     * @param replayStateTtl how long a backtest run's state is kept after its last tick (live state is kept forever)
     */
    public static void build(StreamsBuilder builder, FeatureSettings settings, Duration replayStateTtl,
                             StreamEvents events) {
        Serde<Tick> ticks = Serdes.serdeFrom(EventSerdes.tick().serializer(), new TickDeserializer());
        for (String store : new String[] {LIVE_STORE, REPLAY_STORE}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        }
        KStream<String, Object> live = builder
                .stream(Topics.MARKET_CRYPTO, Consumed.with(Serdes.String(), ticks).withName("live-ticks"))
                .process(() -> new FeatureProcessor(LIVE_STORE, "live", settings, null, events),
                        Named.as("live-features"), LIVE_STORE);
        KStream<String, Object> replay = builder
                .stream(Topics.MARKET_CRYPTO_REPLAY, Consumed.with(Serdes.String(), ticks).withName("replay-ticks"))
                .process(() -> new FeatureProcessor(REPLAY_STORE, "replay", settings, replayStateTtl, events),
                        Named.as("replay-features"), REPLAY_STORE);
        emit(live, "live");
        emit(replay, "replay");
    }

    private static void emit(KStream<String, Object> results, String stream) {
        results.filter((symbol, value) -> value instanceof FeatureVector, Named.as(stream + "-feature-vectors"))
                .mapValues(FeatureVector.class::cast, Named.as(stream + "-as-feature-vectors"))
                .to(Topics.MARKET_FEATURES, Produced.with(Serdes.String(), EventSerdes.featureVector())
                        .withName(stream + "-to-features"));
        results.filter((symbol, value) -> value instanceof Bar, Named.as(stream + "-bars"))
                .mapValues(Bar.class::cast, Named.as(stream + "-as-bars"))
                .to(Topics.MARKET_BARS, Produced.with(Serdes.String(), EventSerdes.bar())
                        .withName(stream + "-to-bars"));
    }
}
