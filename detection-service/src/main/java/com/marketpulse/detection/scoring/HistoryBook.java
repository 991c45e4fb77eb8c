package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link SymbolHistory} of every symbol, live and per backtest run apart. Bounded: when it holds more than
 * {@value #MAX_KEYS} histories (many finished backtests), it starts afresh, which costs a few vectors of context.
 */
public final class HistoryBook {

    private static final int MAX_KEYS = 10_000;

    private final Map<Key, SymbolHistory> histories = new ConcurrentHashMap<>();

    public SymbolHistory of(FeatureVector v) {
        if (histories.size() > MAX_KEYS) {
            histories.clear();
        }
        return histories.computeIfAbsent(new Key(v.symbol(), v.runId()), k -> SymbolHistory.empty());
    }

    private record Key(String symbol, String runId) {
    }
}
