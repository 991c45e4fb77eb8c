package com.marketpulse.ingestion.alpaca;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedSet;

/**
 * Remembers the most recent trade ids per symbol (bounded) and the time of the newest trade, so the same trade
 * arriving on the stream and from a REST backfill is published once. Not thread-safe: used on the stream thread.
 */
final class TradeDeduplicator {

    private final int capacityPerSymbol;
    private final Map<String, SequencedSet<Long>> seen = new HashMap<>();
    private final Map<String, Instant> newest = new HashMap<>();

    TradeDeduplicator(int capacityPerSymbol) {
        this.capacityPerSymbol = capacityPerSymbol;
    }

    /** True the first time a trade is offered; false for a trade already seen. */
    boolean firstTime(AlpacaMessage.Trade trade) {
        return add(trade.symbol(), trade.id(), trade.time());
    }

    /** A trade known to be published already (read back from Kafka after a restart). */
    void remember(KnownTrade trade) {
        add(trade.symbol(), trade.id(), trade.time());
    }

    private boolean add(String symbol, long id, Instant time) {
        SequencedSet<Long> ids = seen.computeIfAbsent(symbol, s -> new LinkedHashSet<>());
        if (!ids.add(id)) {
            return false;
        }
        if (ids.size() > capacityPerSymbol) {
            ids.removeFirst();
        }
        newest.merge(symbol, time, (a, b) -> a.isAfter(b) ? a : b);
        return true;
    }

    /** The time of the oldest "newest trade" over the symbols seen so far: where a gap can start. */
    Optional<Instant> gapStart() {
        return newest.values().stream().min(Instant::compareTo);
    }
}
