package com.marketpulse.feature.stream;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads the value of any input topic as the event that topic carries ({@link Tick} on {@code market.crypto},
 * {@link Quote} on {@code market.quotes}, {@link SourceBar} on {@code market.source-bars}, and the same on their
 * {@code .replay} twins) and refuses what the feature math must not see, so that it goes to the topic's
 * dead-letter topic instead: bytes that are not JSON, JSON that is not such an event (the record's own checks:
 * ids, positive finite prices, bid at most ask, a bar ending after it starts), an implausible price or size, a
 * symbol that is not a pair, and an event on the wrong topic for its run id (a live event carrying a run id, a
 * replayed one without), which would otherwise mix backtest and live state.
 */
final class MarketEventDeserializer implements Deserializer<Object> {

    /** Larger prices or sizes are data errors, and their squares must stay far from overflow. */
    static final double MAX_PRICE = 1e9;
    static final double MAX_SIZE = 1e15;

    private static final Map<String, Class<?>> TYPES = Map.of(
            Topics.MARKET_CRYPTO, Tick.class, Topics.MARKET_CRYPTO_REPLAY, Tick.class,
            Topics.MARKET_QUOTES, Quote.class, Topics.MARKET_QUOTES_REPLAY, Quote.class,
            Topics.MARKET_SOURCE_BARS, SourceBar.class, Topics.MARKET_SOURCE_BARS_REPLAY, SourceBar.class);
    private static final Set<String> REPLAY = Set.of(Topics.MARKET_CRYPTO_REPLAY, Topics.MARKET_QUOTES_REPLAY,
            Topics.MARKET_SOURCE_BARS_REPLAY);

    static Set<String> liveTopics() {
        return Set.of(Topics.MARKET_CRYPTO, Topics.MARKET_QUOTES, Topics.MARKET_SOURCE_BARS);
    }

    static Set<String> replayTopics() {
        return REPLAY;
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        Class<?> type = TYPES.get(topic);
        if (type == null) {
            throw new SerializationException("no market event is expected on " + topic);
        }
        Object event = EventJson.read(bytes, type);
        return switch (event) {
            case Tick tick -> tick(topic, tick);
            case Quote quote -> quote(topic, quote);
            case SourceBar bar -> bar(topic, bar);
            default -> throw new IllegalStateException("unexpected " + event.getClass());
        };
    }

    private static Tick tick(String topic, Tick tick) {
        plausible(tick.price(), tick.size());
        checkRun(topic, tick.runId());
        String symbol = symbol(tick.symbol());
        return symbol.equals(tick.symbol()) ? tick
                : new Tick(tick.eventId(), symbol, tick.eventTime(), tick.price(), tick.size(), tick.tradeId(),
                tick.takerSide(), tick.source(), tick.venue(), tick.runId());
    }

    private static Quote quote(String topic, Quote quote) {
        plausible(quote.askPrice(), Math.max(quote.bidSize(), quote.askSize()));
        checkRun(topic, quote.runId());
        String symbol = symbol(quote.symbol());
        return symbol.equals(quote.symbol()) ? quote
                : new Quote(quote.eventId(), symbol, quote.eventTime(), quote.bidPrice(), quote.bidSize(),
                quote.askPrice(), quote.askSize(), quote.source(), quote.venue(), quote.runId());
    }

    private static SourceBar bar(String topic, SourceBar bar) {
        plausible(Math.max(bar.high(), Math.max(bar.open(), bar.close())), bar.volume());
        if (bar.open() < bar.low() || bar.open() > bar.high() || bar.close() < bar.low() || bar.close() > bar.high()) {
            throw new SerializationException("open " + bar.open() + " or close " + bar.close() + " outside the bar's"
                    + " range " + bar.low() + " .. " + bar.high());
        }
        checkRun(topic, bar.runId());
        String symbol = symbol(bar.symbol());
        return symbol.equals(bar.symbol()) ? bar
                : new SourceBar(bar.eventId(), symbol, bar.start(), bar.eventTime(), bar.open(), bar.high(),
                bar.low(), bar.close(), bar.volume(), bar.trades(), bar.vwap(), bar.corrected(), bar.source(),
                bar.venue(), bar.runId());
    }

    private static void plausible(double price, double size) {
        if (price > MAX_PRICE || size > MAX_SIZE) {
            throw new SerializationException("implausible price " + price + " or size " + size);
        }
    }

    private static void checkRun(String topic, String runId) {
        boolean replayTopic = REPLAY.contains(topic);
        if (replayTopic && runId == null) {
            throw new SerializationException("a replayed event without a run id on " + topic);
        }
        if (!replayTopic && runId != null) {
            throw new SerializationException("an event of backtest run " + runId + " on the live topic " + topic);
        }
    }

    private static String symbol(String symbol) {
        try {
            return Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
    }
}
