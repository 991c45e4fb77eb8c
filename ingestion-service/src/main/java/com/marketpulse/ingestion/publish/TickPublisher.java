package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/**
 * Where every source hands its events (trades, quotes, source bars, labels). Accepting never blocks a live source
 * (a replay waits for room instead): events wait in one bounded buffer until Kafka acknowledges them, and anything
 * that ever has to be dropped is counted and logged. Events far in the future or late for their symbol are
 * rejected at the edge to {@code <topic>.DLT} with a counter, as are records the broker refuses for good. Quotes may fill only part of the buffer (they are superseded by the next one within
 * seconds), so a burst of quotes while Kafka is away never pushes out trades or bars.
 */
public interface TickPublisher {

    /**
     * Lifecycle phase of the publisher. Spring starts lifecycles in ascending and stops them in descending phase, so
     * a source with a higher phase starts after the publisher and stops before it (its last ticks still get flushed).
     */
    int LIFECYCLE_PHASE = Integer.MAX_VALUE - 2000;

    /** Publishes a tick keyed by its symbol to {@code topic}; false when it had to be dropped (buffer full). */
    boolean publish(String topic, Tick tick);

    /** Publishes a quote keyed by its symbol to {@code topic}; false when it had to be dropped. */
    boolean publish(String topic, Quote quote);

    /** Publishes a source bar keyed by its symbol to {@code topic} (Kafka timestamp: its end); false when dropped. */
    boolean publish(String topic, SourceBar bar);

    /**
     * Publishes a trade fetched from REST to close a gap: a correction, so not judged late at the edge (it is older
     * than the stream by nature); still rejected when far in the future.
     */
    boolean publishCorrection(String topic, Tick tick);

    /** Publishes a bar fetched from REST (backfill, seed): a correction, as {@link #publishCorrection(String, Tick)}. */
    boolean publishCorrection(String topic, SourceBar bar);

    /**
     * Publishes with back-pressure for a source that can wait (a replay): blocks while the buffer is full instead of
     * dropping, and counts what Kafka acknowledged (or what was dead-lettered) into {@code receipts}.
     */
    void publishAndWait(String topic, Tick tick, Receipts receipts) throws InterruptedException;

    /** As {@link #publishAndWait(String, Tick, Receipts)}, for a bar. */
    void publishAndWait(String topic, SourceBar bar, Receipts receipts) throws InterruptedException;

    /** Publishes the ground truth of an injected anomaly to {@code market.labels}. */
    boolean publishLabel(AnomalyLabel label);

    /** Waits (up to the timeout) until everything accepted so far is acknowledged by Kafka. */
    boolean flush(java.time.Duration timeout);
}
