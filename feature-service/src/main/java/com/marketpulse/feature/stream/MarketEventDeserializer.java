package com.marketpulse.feature.stream;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import java.time.Instant;
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
 * replayed one without), which would otherwise mix backtest and live state; and on live topics, what
 * {@link InputLimits} refuses (a symbol not configured, an event time far ahead of the clock). Each refusal is a
 * {@link RejectedInput} naming its reason.
 */
final class MarketEventDeserializer implements Deserializer<Object> {

    /** Larger prices or sizes are data errors, and their squares must stay far from overflow. */
    static final double MAX_PRICE = 1e9;
    static final double MAX_SIZE = 1e15;
    /** A trade, quote or bar is a few hundred bytes of JSON; far more is not one of ours (and costs to parse). */
    static final int MAX_BYTES = 16 * 1024;

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

    private final InputLimits limits;

    MarketEventDeserializer(InputLimits limits) {
        this.limits = limits;
    }

    @Override
    public Object deserialize(String topic, byte[] bytes) {
        Class<?> type = TYPES.get(topic);
        if (type == null) {
            throw new SerializationException("no market event is expected on " + topic);
        }
        if (bytes != null && bytes.length > MAX_BYTES) {
            throw new RejectedInput("oversized", bytes.length + " bytes, more than the " + MAX_BYTES
                    + " any market event takes");
        }
        Object event;
        try {
            event = EventJson.read(bytes, type);
        } catch (SerializationException e) {
            throw new RejectedInput("malformed", e.getMessage(), e);
        }
        Object checked = switch (event) {
            case Tick tick -> tick(topic, tick);
            case Quote quote -> quote(topic, quote);
            case SourceBar bar -> bar(topic, bar);
            default -> throw new IllegalStateException("unexpected " + event.getClass());
        };
        if (!REPLAY.contains(topic)) {
            live(checked);
        }
        return checked;
    }

    /** A live event: a configured symbol, and not further ahead of the clock than the edge allows. */
    private void live(Object event) {
        String symbol;
        Instant time;
        switch (event) {
            case Tick t -> { symbol = t.symbol(); time = t.eventTime(); }
            case Quote q -> { symbol = q.symbol(); time = q.eventTime(); }
            case SourceBar b -> { symbol = b.symbol(); time = b.eventTime(); }
            default -> throw new IllegalStateException("unexpected " + event.getClass());
        }
        if (!limits.symbols().contains(symbol)) {
            throw new RejectedInput("unknown_symbol", symbol + " is not one of the configured symbols "
                    + limits.symbols());
        }
        Instant latest = limits.clock().instant().plus(limits.maxFuture());
        if (time.isAfter(latest)) {
            throw new RejectedInput("far_future", "event time " + time + " is more than " + limits.maxFuture()
                    + " ahead of the clock");
        }
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
            throw new RejectedInput("malformed", "open " + bar.open() + " or close " + bar.close() + " outside the bar's"
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
            throw new RejectedInput("implausible", "implausible price " + price + " or size " + size);
        }
    }

    private static void checkRun(String topic, String runId) {
        boolean replayTopic = REPLAY.contains(topic);
        if (replayTopic && runId == null) {
            throw new RejectedInput("wrong_stream", "a replayed event without a run id on " + topic);
        }
        if (!replayTopic && runId != null) {
            throw new RejectedInput("wrong_stream", "an event of backtest run " + runId + " on the live topic " + topic);
        }
    }

    private static String symbol(String symbol) {
        try {
            return Symbols.normalize(symbol);
        } catch (IllegalArgumentException e) {
            throw new RejectedInput("malformed", e.getMessage(), e);
        }
    }
}
