package com.marketpulse.events;

import java.time.Instant;
import java.util.Objects;

/**
 * The best bid and offer of one symbol at one moment, as the venue reported it. On a thin venue (Alpaca's own
 * {@code us}) the quotes, not the trades, carry the live price: their mid is what the features put on the grid.
 *
 * @param eventId   unique id: source, venue, symbol and the quote's time, so a redelivered quote keeps its id
 * @param symbol    the pair, {@code BTC/USD}
 * @param eventTime the venue's quote time (UTC, nanoseconds kept)
 * @param bidPrice  best bid
 * @param bidSize   quantity at the best bid (base currency)
 * @param askPrice  best ask
 * @param askSize   quantity at the best ask
 * @param source    {@code alpaca}, {@code simulator} or {@code replay}
 * @param venue     the venue the quote comes from ({@code us}, {@code us-1}, {@code eu-1}, {@code simulator}, ...)
 * @param runId     the backtest run, {@code null} for live quotes
 */
public record Quote(
        String eventId,
        String symbol,
        Instant eventTime,
        double bidPrice,
        double bidSize,
        double askPrice,
        double askSize,
        String source,
        String venue,
        String runId) {

    public Quote {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(eventTime, "eventTime");
        if (!(bidPrice > 0) || !(askPrice >= bidPrice) || Double.isInfinite(askPrice)) {
            throw new IllegalArgumentException("need 0 < bid <= ask < infinity: " + bidPrice + " / " + askPrice);
        }
        if (!(bidSize >= 0) || !(askSize >= 0) || Double.isInfinite(bidSize) || Double.isInfinite(askSize)) {
            throw new IllegalArgumentException("sizes must be non-negative finite numbers: " + bidSize + " / " + askSize);
        }
    }

    /** A live quote whose event id is derived from its source, venue, symbol and time. */
    public static Quote live(String source, String venue, String symbol, Instant eventTime, double bidPrice,
                             double bidSize, double askPrice, double askSize) {
        return new Quote(idOf(source, venue, symbol, eventTime), symbol, eventTime, bidPrice, bidSize, askPrice,
                askSize, source, venue, null);
    }

    public static String idOf(String source, String venue, String symbol, Instant eventTime) {
        return source + ":" + venue + ":" + symbol + ":q:" + eventTime;
    }

    /** (bid + ask) / 2. */
    public double mid() {
        return (bidPrice + askPrice) / 2;
    }

    /** (ask - bid) / mid, as a fraction (0.0009 = 9 bps). */
    public double spread() {
        return (askPrice - bidPrice) / mid();
    }

    public boolean isReplay() {
        return runId != null;
    }

    public Quote withRunId(String newRunId) {
        return new Quote(eventId, symbol, eventTime, bidPrice, bidSize, askPrice, askSize, source, venue, newRunId);
    }
}
