package com.marketpulse.ingestion.alpaca;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/** Where the stream client hands each event, once: trades, quotes and minute bars (corrections included). */
public interface AlpacaSink {

    void trade(Tick tick);

    void quote(Quote quote);

    void bar(SourceBar bar);

    /** A trade fetched from REST to close a gap: older than the stream by nature, so not judged late. */
    default void backfilledTrade(Tick tick) {
        trade(tick);
    }

    /** A bar fetched from REST (the seed or a gap's bars): a correction, not judged late. */
    default void backfilledBar(SourceBar bar) {
        bar(bar);
    }

    /**
     * Waits until the events handed on so far are stored (in Kafka), so history fetched from REST is there before
     * the first live event: consumers reading several topics in event time then meet the history first.
     */
    default void awaitStored() {
    }
}
