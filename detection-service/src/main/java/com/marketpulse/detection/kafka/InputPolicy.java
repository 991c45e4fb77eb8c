package com.marketpulse.detection.kafka;

import com.marketpulse.settings.MarketPulseSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What the listeners accept before they open a writer, a state or a row for it: on live records (no run id) only
 * the configured symbols ({@code marketpulse.symbols}) and event times at most {@code marketpulse.edge.max-future}
 * ahead of the clock; a backtest run (run id) brings its own symbols, at most
 * {@code marketpulse.edge.max-replay-symbols} of them. Anything else is a {@link RejectedRecordException}: without
 * this, any symbol published to a topic would open archive files and scoring state that are never closed.
 * Thread-safe: the listeners of the features, bars and archives call it from their own consumer threads.
 */
public final class InputPolicy {

    /** Runs remembered for the per-run cap; the oldest run is forgotten beyond this (its state is gone by then). */
    static final int REMEMBERED_RUNS = 1_000;

    private final Set<String> symbols;
    private final Duration maxFuture;
    private final int maxReplaySymbols;
    private final Clock clock;
    private final Map<String, Set<String>> runs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > REMEMBERED_RUNS;
        }
    };

    public InputPolicy(MarketPulseSettings settings, Clock clock) {
        this.symbols = Set.copyOf(settings.symbols());
        this.maxFuture = settings.edge().maxFuture();
        this.maxReplaySymbols = settings.edge().maxReplaySymbols();
        this.clock = clock;
    }

    /** Accepts the event or throws {@link RejectedRecordException} saying why not. */
    public void check(String symbol, String runId, Instant eventTime) {
        if (symbol == null || eventTime == null) {
            throw new RejectedRecordException("invalid", "no symbol or no event time");
        }
        if (runId == null) {
            live(symbol, eventTime);
        } else {
            replay(symbol, runId);
        }
    }

    private void live(String symbol, Instant eventTime) {
        if (!symbols.contains(symbol)) {
            throw new RejectedRecordException("unknown_symbol", "symbol " + abbreviate(symbol)
                    + " is not one of the configured symbols " + symbols);
        }
        Instant latest = clock.instant().plus(maxFuture);
        if (eventTime.isAfter(latest)) {
            throw new RejectedRecordException("far_future", "event time " + eventTime + " is more than " + maxFuture
                    + " ahead of the clock");
        }
    }

    private synchronized void replay(String symbol, String runId) {
        Set<String> seen = runs.computeIfAbsent(runId, run -> new HashSet<>());
        if (!seen.contains(symbol) && seen.size() >= maxReplaySymbols) {
            throw new RejectedRecordException("replay_symbol_cap", "run " + abbreviate(runId) + " already has "
                    + maxReplaySymbols + " symbols; " + abbreviate(symbol) + " is refused");
        }
        seen.add(symbol);
    }

    /** A symbol or run id in a log line or header is someone's input: never copy a megabyte of it. */
    static String abbreviate(String text) {
        return text.length() <= 40 ? "'" + text + "'" : "'" + text.substring(0, 40) + "…' (" + text.length() + " chars)";
    }
}
