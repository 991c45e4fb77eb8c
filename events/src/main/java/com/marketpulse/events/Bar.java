package com.marketpulse.events;

import java.time.Instant;

/**
 * One-minute OHLCV bar of one symbol, built from trades in event time.
 *
 * @param eventId deterministic: symbol, start and run, so a re-emitted bar replaces the earlier one
 * @param start   inclusive start of the minute (UTC)
 * @param end     exclusive end of the minute
 * @param trades  number of trades in the bar
 * @param runId   the backtest run, {@code null} for live data
 */
public record Bar(
        String eventId,
        String symbol,
        Instant start,
        Instant end,
        double open,
        double high,
        double low,
        double close,
        double volume,
        long trades,
        String runId) {

    public static String idOf(String symbol, Instant start, String runId) {
        return symbol + "@" + start + (runId == null ? "" : "#" + runId);
    }
}
