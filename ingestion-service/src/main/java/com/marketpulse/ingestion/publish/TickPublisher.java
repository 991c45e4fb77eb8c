package com.marketpulse.ingestion.publish;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/**
 * Where every source hands its events (trades, quotes, source bars, labels). Accepting never blocks the source:
 * events wait in one bounded buffer until Kafka acknowledges them, and anything that ever has to be dropped is
 * counted and logged. Quotes may fill only part of the buffer (they are superseded by the next one within
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

    /** Publishes the ground truth of an injected anomaly to {@code market.labels}. */
    boolean publishLabel(AnomalyLabel label);

    /** Waits (up to the timeout) until everything accepted so far is acknowledged by Kafka. */
    boolean flush(java.time.Duration timeout);
}
