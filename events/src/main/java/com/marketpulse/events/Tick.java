package com.marketpulse.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One trade, as the exchange reported it.
 *
 * @param eventId   unique id of this event: the source and the trade id, so a redelivered trade keeps its id
 * @param symbol    the pair, as Alpaca writes it: {@code BTC/USD}
 * @param eventTime the exchange's trade time (UTC, nanoseconds kept), not the time we received it
 * @param price     trade price in the quote currency
 * @param size      traded quantity in the base currency
 * @param tradeId   the exchange's trade id (used to de-duplicate across reconnects)
 * @param takerSide {@code B} (buy), {@code S} (sell) or {@code null} when unknown
 * @param source    where it came from: {@code alpaca}, {@code simulator} or {@code replay}
 * @param venue     the venue that printed the trade: Alpaca's location ({@code us}, {@code us-1}, {@code eu-1}),
 *                  {@code simulator}, {@code replay}; {@code null} when unknown (e.g. ticks archived before it existed)
 * @param runId     the backtest run this tick belongs to, {@code null} for live ticks
 */
public record Tick(
        String eventId,
        String symbol,
        Instant eventTime,
        double price,
        double size,
        String tradeId,
        String takerSide,
        String source,
        String venue,
        String runId) {

    public Tick {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(eventTime, "eventTime");
        if (!(price > 0) || Double.isInfinite(price)) {
            throw new IllegalArgumentException("price must be a positive finite number: " + price);
        }
        if (!(size >= 0) || Double.isInfinite(size)) {
            throw new IllegalArgumentException("size must be a non-negative finite number: " + size);
        }
    }

    /**
     * A live tick whose event id is derived from its source, symbol and trade id (as before the venue was named, so
     * a trade keeps the id it had).
     */
    public static Tick live(String source, String venue, String symbol, Instant eventTime, double price, double size,
                            String tradeId, String takerSide) {
        return new Tick(source + ":" + symbol + ":" + tradeId, symbol, eventTime, price, size, tradeId,
                takerSide, source, venue, null);
    }

    public boolean isReplay() {
        return runId != null;
    }

    /** The same trade, tagged as part of a backtest run. */
    public Tick withRunId(String newRunId) {
        return new Tick(eventId, symbol, eventTime, price, size, tradeId, takerSide, source, venue, newRunId);
    }
}
