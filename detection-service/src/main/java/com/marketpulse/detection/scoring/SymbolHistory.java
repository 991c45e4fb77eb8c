package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;
import java.time.Instant;

/**
 * The detector's memory of one symbol (and run): the {@link Evidence} its vectors have built up so far. One
 * vector cannot tell a lone jump from the start of a volatile stretch, nor one large trade from a run of them;
 * the accumulated evidence can. Vectors are remembered in event-time order; a vector that is not newer than the
 * last remembered one (a redelivery) is not counted again. Kept in memory only: after a restart the evidence
 * starts from nothing, which delays an anomaly that is already under way by a few trades and never invents one.
 * Not thread-safe: one symbol is scored by one thread at a time.
 */
public final class SymbolHistory {

    private Evidence evidence = Evidence.NONE;
    private Instant last = Instant.MIN;

    /** A history with nothing in it: every vector looks isolated. */
    public static SymbolHistory empty() {
        return new SymbolHistory();
    }

    /** The evidence of the remembered vectors. */
    public Evidence evidence() {
        return evidence;
    }

    /** Whether {@code v} is newer than every remembered vector (a redelivered one is not). */
    boolean isNew(FeatureVector v) {
        return v.eventTime().isAfter(last);
    }

    /** Remembers a scored vector and the evidence including it, unless it is not newer than the last one. */
    void record(FeatureVector v, Evidence including) {
        if (!isNew(v)) {
            return;
        }
        last = v.eventTime();
        evidence = including;
    }
}
