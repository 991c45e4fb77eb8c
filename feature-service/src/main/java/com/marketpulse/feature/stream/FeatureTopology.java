package com.marketpulse.feature.stream;

import com.marketpulse.events.Bar;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.events.json.EventSerdes;
import com.marketpulse.feature.grid.GridSettings;
import java.time.Duration;
import java.util.Set;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * The whole feature-service topology:
 * <pre>
 * market.crypto · market.quotes · market.source-bars
 *        → live-market   (store market-state-live,   key symbol)
 *        → market.features · market.bars
 * market.crypto.replay · market.quotes.replay · market.source-bars.replay
 *        → replay-market (store market-state-replay, key runId|symbol)
 *        → market.features.replay · market.bars.replay
 * </pre>
 * Each stream reads its three input topics through one source node into one processor that keeps a
 * {@link com.marketpulse.feature.grid.MarketState} per state key, so trades, quotes and bars of a symbol meet in
 * one state. All inputs are keyed by symbol with the same partition count (the topic catalogue's), so a symbol's
 * trades, quotes and bars land in the same partition number, i.e. the same task and store. Live and replay are
 * independent sub-topologies that share no store and no output topic, so a backtest never reads or writes live
 * state, and a big backtest never queues its features in front of live ones nor reaches a live consumer. The stores
 * are persistent (RocksDB) with changelog topics, so the state survives a restart or a move to another instance; a backtest's state is
 * deleted once the run has been idle for the configured time. Records that cannot be read go to
 * {@code <topic>.DLT} of their own input topic through {@link DeadLetterDeserializationHandler}, and so do live
 * inputs outside the {@link InputLimits} (a symbol not configured, a time far ahead of the clock) and a backtest
 * run's symbols beyond its cap: no record opens state forever or wedges a symbol.
 */
public final class FeatureTopology {

    /**
     * The stores of {@code MarketState}s; named apart from the per-trade {@code feature-state-*} stores before them,
     * so a deployment never tries to read an old state as a new one (their changelog topics can be deleted).
     */
    public static final String LIVE_STORE = "market-state-live";
    public static final String REPLAY_STORE = "market-state-replay";

    private FeatureTopology() {
    }

    /** Every topic the topology reads: the live inputs and their replay twins. */
    public static Set<String> inputTopics() {
        Set<String> topics = new java.util.TreeSet<>(MarketEventDeserializer.liveTopics());
        topics.addAll(MarketEventDeserializer.replayTopics());
        return topics;
    }

    /**
     * @param replayStateTtl how long a backtest run's state is kept after its last input (live state is kept
     *                       forever)
     * @param limits         what the live inputs may be (configured symbols, no far future) and how many symbols a
     *                       backtest run may bring
     */
    public static void build(StreamsBuilder builder, GridSettings settings, Duration replayStateTtl,
                             InputLimits limits, StreamEvents events) {
        for (String store : new String[] {LIVE_STORE, REPLAY_STORE}) {
            builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(store),
                    Serdes.String(), Serdes.ByteArray()).withCachingEnabled());
        }
        emit(stream(builder, MarketEventDeserializer.liveTopics(), "live", LIVE_STORE, settings, null, limits,
                events), "live", Topics.MARKET_FEATURES, Topics.MARKET_BARS);
        emit(stream(builder, MarketEventDeserializer.replayTopics(), "replay", REPLAY_STORE, settings,
                replayStateTtl, limits, events), "replay", Topics.MARKET_FEATURES_REPLAY, Topics.MARKET_BARS_REPLAY);
    }

    private static KStream<String, Object> stream(StreamsBuilder builder, Set<String> topics, String stream,
                                                  String store, GridSettings settings, Duration expireAfter,
                                                  InputLimits limits, StreamEvents events) {
        Serde<Object> inputs = Serdes.serdeFrom((topic, value) -> EventJson.write(value),
                new MarketEventDeserializer(limits));
        return builder.stream(topics, Consumed.with(Serdes.String(), inputs).withName(stream + "-inputs"))
                .process(() -> new MarketProcessor(store, stream, settings, expireAfter, limits.maxReplaySymbols(),
                                events),
                        Named.as(stream + "-market"), store);
    }

    /** Every topic the topology writes (besides dead letters): the live outputs and their replay twins. */
    public static Set<String> outputTopics() {
        return Set.of(Topics.MARKET_FEATURES, Topics.MARKET_BARS, Topics.MARKET_FEATURES_REPLAY,
                Topics.MARKET_BARS_REPLAY);
    }

    private static void emit(KStream<String, Object> results, String stream, String featuresTopic,
                             String barsTopic) {
        results.filter((symbol, value) -> value instanceof MarketFeatures, Named.as(stream + "-features"))
                .mapValues(MarketFeatures.class::cast, Named.as(stream + "-as-features"))
                .to(featuresTopic, Produced.with(Serdes.String(), EventSerdes.marketFeatures())
                        .withName(stream + "-to-features"));
        results.filter((symbol, value) -> value instanceof Bar, Named.as(stream + "-bars"))
                .mapValues(Bar.class::cast, Named.as(stream + "-as-bars"))
                .to(barsTopic, Produced.with(Serdes.String(), EventSerdes.bar())
                        .withName(stream + "-to-bars"));
    }
}
