package com.marketpulse.feature.stream;

import com.marketpulse.events.Symbols;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads a {@link Tick} and refuses what the feature math must not see, so that it goes to the dead-letter topic
 * instead: bytes that are not JSON, JSON that is not a tick (the record's own checks: ids, positive finite
 * price, non-negative size), an implausible price or size, a symbol that is not a pair, and a tick on the wrong
 * topic for its run id (a live tick carrying a run id, a replayed tick without one), which would otherwise mix
 * backtest and live state.
 */
final class TickDeserializer implements Deserializer<Tick> {

    /** Larger prices or sizes are data errors, and their squares must stay far from overflow. */
    static final double MAX_PRICE = 1e9;
    static final double MAX_SIZE = 1e15;

    @Override
    public Tick deserialize(String topic, byte[] bytes) {
        Tick tick = EventJson.read(bytes, Tick.class);
        if (tick.price() > MAX_PRICE || tick.size() > MAX_SIZE) {
            throw new SerializationException("implausible price " + tick.price() + " or size " + tick.size());
        }
        boolean replayTopic = Topics.MARKET_CRYPTO_REPLAY.equals(topic);
        if (replayTopic && tick.runId() == null) {
            throw new SerializationException("a replayed tick without a run id on " + topic);
        }
        if (!replayTopic && tick.runId() != null) {
            throw new SerializationException("a tick of backtest run " + tick.runId() + " on the live topic " + topic);
        }
        String symbol;
        try {
            symbol = Symbols.normalize(tick.symbol());
        } catch (IllegalArgumentException e) {
            throw new SerializationException(e.getMessage(), e);
        }
        return symbol.equals(tick.symbol()) ? tick
                : new Tick(tick.eventId(), symbol, tick.eventTime(), tick.price(), tick.size(), tick.tradeId(),
                tick.takerSide(), tick.source(), tick.venue(), tick.runId());
    }
}
