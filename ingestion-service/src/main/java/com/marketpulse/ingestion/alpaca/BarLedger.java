package com.marketpulse.ingestion.alpaca;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The minute bars already published, per symbol: the recent ones with their values (bounded), and, after a
 * restart, the start of the last bar published before it (read back from Kafka). Decides whether a bar, from the
 * stream or from REST, is new, a correction of one published (different values for the same minute: Alpaca's
 * {@code updatedBars}, or a backfilled version of a bar that changed while we were away) or a repeat. Not
 * thread-safe: used on the stream thread.
 */
final class BarLedger {

    enum Verdict { NEW, CORRECTION, REPEAT }

    private final int capacityPerSymbol;
    private final Map<String, NavigableMap<Instant, AlpacaMessage.Bar>> recent = new HashMap<>();
    private final Map<String, Instant> publishedBeforeRestart = new HashMap<>();

    BarLedger(int capacityPerSymbol) {
        this.capacityPerSymbol = capacityPerSymbol;
    }

    /** Bars up to these starts were published by an earlier run (their values are not known). */
    void restore(Map<String, Instant> lastStarts) {
        lastStarts.forEach((symbol, start) -> publishedBeforeRestart.merge(symbol, start,
                (a, b) -> a.isAfter(b) ? a : b));
    }

    /**
     * Records the bar unless it repeats one already published. A streamed first version ({@code b}) of a minute
     * already held is a repeat even if its values differ: what we hold came from a {@code u} or from REST, both
     * at least as new (a {@code b} queued during a backfill must not undo the newer REST version).
     *
     * @param fetched true for a bar from REST (backfill or seed)
     */
    Verdict offer(AlpacaMessage.Bar bar, boolean fetched) {
        NavigableMap<Instant, AlpacaMessage.Bar> bars = recent.computeIfAbsent(bar.symbol(), s -> new TreeMap<>());
        AlpacaMessage.Bar known = bars.get(bar.start());
        Verdict verdict;
        if (known != null) {
            verdict = known.sameValues(bar) || !(bar.updated() || fetched) ? Verdict.REPEAT : Verdict.CORRECTION;
        } else if (bar.updated()) {
            verdict = Verdict.CORRECTION;
        } else {
            Instant before = publishedBeforeRestart.get(bar.symbol());
            boolean olderThanKept = !bars.isEmpty() && bars.size() >= capacityPerSymbol
                    && bar.start().isBefore(bars.firstKey());
            verdict = (before != null && !bar.start().isAfter(before)) || olderThanKept ? Verdict.REPEAT : Verdict.NEW;
        }
        if (verdict != Verdict.REPEAT) {
            bars.put(bar.start(), bar);
            if (bars.size() > capacityPerSymbol) {
                bars.pollFirstEntry();
            }
        }
        return verdict;
    }

    /** The start of the newest bar published for the symbol, by this run or the one before. */
    Optional<Instant> newest(String symbol) {
        NavigableMap<Instant, AlpacaMessage.Bar> bars = recent.get(symbol);
        Instant mine = bars == null || bars.isEmpty() ? null : bars.lastKey();
        Instant before = publishedBeforeRestart.get(symbol);
        if (mine == null || before == null) {
            return Optional.ofNullable(mine != null ? mine : before);
        }
        return Optional.of(mine.isAfter(before) ? mine : before);
    }
}
