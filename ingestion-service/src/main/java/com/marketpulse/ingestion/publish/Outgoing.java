package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

import java.time.Instant;

/** One record waiting in the buffer; its Kafka timestamp is the event time, not the send time. */
record Outgoing(String topic, String key, Object value, Instant eventTime) {

    static Outgoing of(String topic, Tick tick) {
        return new Outgoing(topic, tick.symbol(), tick, tick.eventTime());
    }

    static Outgoing of(String topic, Quote quote) {
        return new Outgoing(topic, quote.symbol(), quote, quote.eventTime());
    }

    static Outgoing of(String topic, SourceBar bar) {
        return new Outgoing(topic, bar.symbol(), bar, bar.eventTime());
    }

    static Outgoing of(String topic, AnomalyLabel label) {
        return new Outgoing(topic, label.symbol(), label, label.start());
    }

    /** What kind of event this is, as the metrics name it: {@code ticks}, {@code quotes}, {@code bars}, {@code labels}. */
    String kind() {
        return switch (value) {
            case Tick t -> "ticks";
            case Quote q -> "quotes";
            case SourceBar b -> "bars";
            default -> "labels";
        };
    }

    boolean isQuote() {
        return value instanceof Quote;
    }
}
