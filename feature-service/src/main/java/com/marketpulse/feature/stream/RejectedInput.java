package com.marketpulse.feature.stream;

import org.apache.kafka.common.errors.SerializationException;

/**
 * An input refused before it reaches a {@link com.marketpulse.feature.grid.MarketState}, with the reason its dead
 * letter and counter carry: {@code malformed} (not JSON, not the topic's event, or a value out of range: NaN,
 * negative, a bid above the ask), {@code oversized}, {@code implausible} (a price or size no market has),
 * {@code wrong_stream} (a run id on a live topic or none on a replay topic), {@code unknown_symbol} (a live symbol not
 * configured), {@code far_future} (a live event more than {@code marketpulse.edge.max-future} ahead of the clock) or
 * {@code replay_symbol_cap} (a backtest run bringing more symbols than {@code marketpulse.edge.max-replay-symbols}).
 * A {@link SerializationException}, so that Kafka Streams hands it to the deserialization handler.
 */
final class RejectedInput extends SerializationException {

    private final String reason;

    RejectedInput(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    RejectedInput(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** The reason of any exception a handler gets: its own for a refusal, else what the stage implies. */
    static String reasonOf(Exception e, String otherwise) {
        return e instanceof RejectedInput rejected ? rejected.reason() : otherwise;
    }
}
