package com.marketpulse.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One OHLCV bar as the source reported it: Alpaca's minute bar ({@code b}) or late correction ({@code u}), a
 * REST-backfilled bar, or one row of a candle file. A bar's prices are known only at its end, so its
 * {@code eventTime} is its end ({@code start + interval}), never earlier. On Alpaca a bar arrives every minute
 * even when nothing traded: then {@code volume} and {@code trades} are 0 and o/h/l/c are quote mid-prices.
 *
 * @param eventId   deterministic: source, venue, symbol, start and run, so a correction replaces the first version
 * @param start     inclusive start of the bar (UTC)
 * @param eventTime when the bar is complete: its exclusive end
 * @param volume    traded quantity in the base currency
 * @param trades    number of trades, 0 when unknown or none
 * @param vwap      volume-weighted average price, 0 when unknown
 * @param corrected true for a late correction of a bar already sent (Alpaca's {@code updatedBars})
 * @param source    {@code alpaca}, {@code simulator} or {@code replay}
 * @param venue     {@code us}, {@code us-1}, {@code eu-1}, {@code simulator}, or the file's origin
 * @param runId     the backtest run, {@code null} for live bars
 */
public record SourceBar(
        String eventId,
        String symbol,
        Instant start,
        Instant eventTime,
        double open,
        double high,
        double low,
        double close,
        double volume,
        long trades,
        double vwap,
        boolean corrected,
        String source,
        String venue,
        String runId) {

    public SourceBar {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(eventTime, "eventTime");
        if (!eventTime.isAfter(start)) {
            throw new IllegalArgumentException("a bar ends after it starts: " + start + " .. " + eventTime);
        }
        for (double price : new double[] {open, high, low, close}) {
            if (!(price > 0) || Double.isInfinite(price)) {
                throw new IllegalArgumentException("prices must be positive finite numbers: " + price);
            }
        }
        if (high < low) {
            throw new IllegalArgumentException("high " + high + " is below low " + low);
        }
        if (!(volume >= 0) || Double.isInfinite(volume) || trades < 0 || !(vwap >= 0) || Double.isInfinite(vwap)) {
            throw new IllegalArgumentException("volume, trades and vwap must be non-negative and finite");
        }
    }

    public static String idOf(String source, String venue, String symbol, Instant start, String runId) {
        return source + ":" + venue + ":" + symbol + ":b:" + start + (runId == null ? "" : "#" + runId);
    }

    /** Traded value in the quote currency: volume × vwap, or × the typical price (h+l+c)/3 when vwap is unknown. */
    public double notional() {
        return volume * (vwap > 0 ? vwap : (high + low + close) / 3);
    }

    public boolean isReplay() {
        return runId != null;
    }

    public SourceBar withRunId(String newRunId) {
        return new SourceBar(idOf(source, venue, symbol, start, newRunId), symbol, start, eventTime, open, high, low,
                close, volume, trades, vwap, corrected, source, venue, newRunId);
    }
}
