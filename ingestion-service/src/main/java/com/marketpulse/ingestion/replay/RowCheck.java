package com.marketpulse.ingestion.replay;

import com.marketpulse.ingestion.publish.EdgeGuard;
import com.marketpulse.settings.MarketPulseSettings;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The edge limits applied to a file's rows as they are read, so a rejected row is reported with its line number
 * (the publisher's own edge check would only dead-letter it): a row more than {@code max-future} ahead of the wall
 * clock (history cannot come from the future), more than {@code max-lateness} behind the file's own stream time for
 * its symbol (a replay is judged only against itself: old history is not late), or naming a symbol beyond
 * {@code max-replay-symbols}.
 */
public final class RowCheck {

    private final EdgeGuard edge;
    private final int maxSymbols;
    private final Set<String> symbols = new HashSet<>();

    public RowCheck(MarketPulseSettings.Edge limits, Clock clock) {
        this(new EdgeGuard(limits.maxFuture(), limits.maxLateness(), clock), limits.maxReplaySymbols());
    }

    private RowCheck(EdgeGuard edge, int maxSymbols) {
        this.edge = edge;
        this.maxSymbols = maxSymbols;
    }

    /** No limits: every well-formed row passes. */
    public static RowCheck none() {
        return new RowCheck(null, Integer.MAX_VALUE);
    }

    /** Why the row must be skipped, or empty when it may be replayed (its time then moves the stream on). */
    Optional<String> reject(String symbol, Instant eventTime) {
        if (!symbols.contains(symbol)) {
            if (symbols.size() >= maxSymbols) {
                return Optional.of(symbol + " would be symbol " + (maxSymbols + 1) + " of this replay, more than "
                        + maxSymbols + " (marketpulse.edge.max-replay-symbols)");
            }
            symbols.add(symbol);
        }
        if (edge == null) {
            return Optional.empty();
        }
        return edge.check(null, symbol, eventTime, false).map(EdgeGuard.Rejection::detail);
    }
}
