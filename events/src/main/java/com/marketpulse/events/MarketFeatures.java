package com.marketpulse.events;

import java.time.Instant;

/**
 * The features of one symbol at one step of the time grid: everything the detector looks at. Made from whatever
 * the venue sends (trades, quote mids, source bars), at most once per grid step, so a thin venue with a trade
 * every ten minutes and a dense one with hundreds a second are judged alike.
 *
 * <p>Returns are log returns (0.01 ≈ +1 %); "usual" values are the symbol's own typical level for this hour of the
 * day, robust to the anomalies they judge. A return or usual value not yet known (warm-up, data gap) is 0.
 *
 * @param eventId           deterministic: symbol, grid time and run
 * @param eventTime         the event time of the input that produced this step
 * @param price             the grid price: the last quote mid, else the last trade or bar close
 * @param historyMinutes    minutes of history behind the usual levels (the detector waits for its warm-up)
 * @param return1m          log return over the last minute
 * @param return5m          log return over the last 5 minutes
 * @param return15m         log return over the last 15 minutes
 * @param usualMove1m       the usual size (σ) of a 1-minute log return for this symbol and hour
 * @param usualMove5m       the same for 5 minutes
 * @param usualMove15m      the same for 15 minutes
 * @param volatility10m     realized volatility over the last 10 minutes (square root of the summed variance)
 * @param usualVolatility10m the usual 10-minute realized volatility for this hour
 * @param notional1m        traded value (quote currency) over the last minute
 * @param notional5m        traded value over the last 5 minutes
 * @param usualNotional1m   the usual traded value per minute for this hour
 * @param spread            (ask - bid) / mid of the last quote; 0 when no quote is known
 * @param secondsSinceTrade event-time seconds since the last trade; -1 before any
 * @param runId             the backtest run, {@code null} for live data
 */
public record MarketFeatures(
        String eventId,
        String symbol,
        Instant eventTime,
        double price,
        double historyMinutes,
        double return1m,
        double return5m,
        double return15m,
        double usualMove1m,
        double usualMove5m,
        double usualMove15m,
        double volatility10m,
        double usualVolatility10m,
        double notional1m,
        double notional5m,
        double usualNotional1m,
        double spread,
        double secondsSinceTrade,
        String runId) {

    public static String idOf(String symbol, Instant eventTime, String runId) {
        return symbol + "@" + eventTime + (runId == null ? "" : "#" + runId);
    }

    public boolean isReplay() {
        return runId != null;
    }
}
