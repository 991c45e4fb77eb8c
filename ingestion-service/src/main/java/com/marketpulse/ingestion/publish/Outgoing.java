package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import com.marketpulse.events.Topics;

import java.time.Instant;

/**
 * One record waiting in the buffer; its Kafka timestamp is the event time, not the send time, except for a dead
 * letter, stamped when it was rejected (its event time may be the very reason the broker refuses it).
 *
 * @param correction a REST-backfilled or corrected event (not judged for lateness at the edge)
 * @param receipts   where the outcome is counted, or {@code null}
 * @param deadLetter why this record goes to {@code <original>.DLT}, or {@code null} for a normal record
 */
record Outgoing(String topic, String key, Object value, Instant eventTime, boolean correction, Receipts receipts,
                DeadLetter deadLetter) {

    /** Why a record is dead-lettered, and when; {@code topic} is the topic it was meant for. */
    record DeadLetter(String originalTopic, String reason, String detail, Instant rejectedAt) {
    }

    static Outgoing of(String topic, Tick tick) {
        return new Outgoing(topic, tick.symbol(), tick, tick.eventTime(), false, null, null);
    }

    static Outgoing of(String topic, Quote quote) {
        return new Outgoing(topic, quote.symbol(), quote, quote.eventTime(), false, null, null);
    }

    static Outgoing of(String topic, SourceBar bar) {
        return new Outgoing(topic, bar.symbol(), bar, bar.eventTime(), bar.corrected(), null, null);
    }

    static Outgoing of(String topic, AnomalyLabel label) {
        return new Outgoing(topic, label.symbol(), label, label.start(), false, null, null);
    }

    Outgoing asCorrection() {
        return new Outgoing(topic, key, value, eventTime, true, receipts, deadLetter);
    }

    Outgoing countedIn(Receipts counted) {
        return new Outgoing(topic, key, value, eventTime, correction, counted, deadLetter);
    }

    /** This record bound for {@code <topic>.DLT} instead, keeping the original value and saying why. */
    Outgoing deadLettered(String reason, String detail, Instant now) {
        return new Outgoing(Topics.deadLetter(topic), key, value, eventTime, correction, receipts,
                new DeadLetter(topic, reason, detail, now));
    }

    /** The Kafka timestamp: the event time, or for a dead letter the time it was rejected. */
    long timestamp() {
        return deadLetter == null ? eventTime.toEpochMilli() : deadLetter.rejectedAt().toEpochMilli();
    }

    /** The replay run this record belongs to, {@code null} for a live one: the stream it is judged against. */
    String runId() {
        return switch (value) {
            case Tick t -> t.runId();
            case Quote q -> q.runId();
            case SourceBar b -> b.runId();
            case AnomalyLabel l -> l.runId();
            default -> null;
        };
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

    boolean isLabel() {
        return value instanceof AnomalyLabel;
    }
}
