package com.marketpulse.feature.math;

import com.marketpulse.events.Bar;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Optional;

/**
 * Builds OHLCV bars of a fixed interval in event time. A bar is complete when the first trade of a later
 * interval arrives (so the last bar of a quiet symbol stays open until trading resumes).
 *
 * <p>A late trade (older than the newest one seen) that still falls into the open bar is folded into it:
 * it counts towards volume, trades, high and low, and becomes the open if it is older than the bar's first
 * trade so far (it cannot be the close: a newer trade exists). A late trade of an already completed bar is
 * not added to any bar.
 */
final class BarBuilder {

    private final long intervalNanos;
    private boolean open;
    private long barIndex;
    private long openNanos;
    private double openPrice;
    private double high;
    private double low;
    private double close;
    private double volume;
    private long trades;

    BarBuilder(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("bar interval must be positive: " + intervalNanos + " ns");
        }
        this.intervalNanos = intervalNanos;
    }

    long intervalNanos() {
        return intervalNanos;
    }

    /** Adds an in-order trade; returns the bar it completed, if it opened a new interval. */
    Optional<Bar> onTrade(String symbol, String runId, long eventNanos, double price, double size) {
        long index = Math.floorDiv(eventNanos, intervalNanos);
        Optional<Bar> completed = Optional.empty();
        if (open && index > barIndex) {
            completed = Optional.of(toBar(symbol, runId));
            open = false;
        }
        if (!open) {
            open = true;
            barIndex = index;
            openNanos = eventNanos;
            openPrice = price;
            high = price;
            low = price;
            volume = 0;
            trades = 0;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
        volume += size;
        trades++;
        return completed;
    }

    /** Folds a late trade into the open bar when it belongs there; returns whether it did. */
    boolean onLateTrade(long eventNanos, double price, double size) {
        if (!open || Math.floorDiv(eventNanos, intervalNanos) != barIndex) {
            return false;
        }
        if (eventNanos < openNanos) {
            openNanos = eventNanos;
            openPrice = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        volume += size;
        trades++;
        return true;
    }

    private Bar toBar(String symbol, String runId) {
        Instant start = EventTime.toInstant(barIndex * intervalNanos);
        Instant end = EventTime.toInstant((barIndex + 1) * intervalNanos);
        return new Bar(Bar.idOf(symbol, start, runId), symbol, start, end, openPrice, high, low, close, volume,
                trades, runId);
    }

    int serializedSize() {
        return 8 + 1 + 8 + 8 + 5 * 8 + 8;
    }

    void writeTo(ByteBuffer out) {
        out.putLong(intervalNanos).put((byte) (open ? 1 : 0)).putLong(barIndex).putLong(openNanos)
                .putDouble(openPrice).putDouble(high).putDouble(low).putDouble(close).putDouble(volume)
                .putLong(trades);
    }

    static BarBuilder readFrom(ByteBuffer in) {
        BarBuilder bars = new BarBuilder(in.getLong());
        bars.open = in.get() == 1;
        bars.barIndex = in.getLong();
        bars.openNanos = in.getLong();
        bars.openPrice = in.getDouble();
        bars.high = in.getDouble();
        bars.low = in.getDouble();
        bars.close = in.getDouble();
        bars.volume = in.getDouble();
        bars.trades = in.getLong();
        return bars;
    }
}
