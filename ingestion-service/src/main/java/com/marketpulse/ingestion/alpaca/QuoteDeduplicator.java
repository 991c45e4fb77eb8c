package com.marketpulse.ingestion.alpaca;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Passes each symbol's quotes forward in time only: a quote no newer than the last one passed is a repeat (its
 * event id, made of the time, would be the same) or stale, and a newer quote supersedes it anyway. Not thread-safe:
 * used on the stream thread.
 */
final class QuoteDeduplicator {

    private final Map<String, Instant> newest = new HashMap<>();

    boolean firstTime(AlpacaMessage.Quote quote) {
        Instant last = newest.get(quote.symbol());
        if (last != null && !quote.time().isAfter(last)) {
            return false;
        }
        newest.put(quote.symbol(), quote.time());
        return true;
    }
}
