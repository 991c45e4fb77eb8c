package com.marketpulse.simulator;

import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;

/**
 * Receives what the simulated market produces, in event-time order across all pairs: trades, quotes (thin
 * profile), minute bars (both profiles, at each minute's end) and the labels of injected anomalies.
 */
public interface MarketSink {

    void onTick(Tick tick);

    /**
     * Ground truth of an injected anomaly. Classic events: delivered just before their first affected tick.
     * Market events: delivered at the exact onset, before anything else of that instant.
     */
    void onLabel(AnomalyLabel label);

    /** A best bid and offer (thin profile only; the dense profile quotes nothing). */
    default void onQuote(Quote quote) {
    }

    /** The minute bar that ended at {@code bar.eventTime()}; volume 0 and o/h/l/c from quote mids when nothing traded. */
    default void onBar(SourceBar bar) {
    }
}
