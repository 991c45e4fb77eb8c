package com.marketpulse.feature.grid;

import com.marketpulse.events.Bar;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The open minute's chart bar, built from the grid price (so a venue without trades still has a chart) and the
 * traded size; replaced by the source's own bar for the minute when one arrives.
 */
final class ChartMinute {

    private long minute = Long.MIN_VALUE;
    private double open;
    private double high;
    private double low;
    private double close;
    private double volume;
    private long trades;

    boolean isOpen() {
        return minute != Long.MIN_VALUE;
    }

    long minute() {
        return minute;
    }

    /** Starts {@code newMinute} at the last price; returns the bar of the minute it closes, or null. */
    Bar roll(long newMinute, String symbol, String runId) {
        Bar closed = isOpen() && newMinute > minute ? toBar(symbol, runId) : null;
        if (!isOpen() || newMinute > minute) {
            double last = close;
            minute = newMinute;
            open = high = low = close = last;
            volume = 0;
            trades = 0;
        }
        return closed;
    }

    void price(double price) {
        if (open == 0) {
            open = high = low = price;
        }
        high = Math.max(high, price);
        low = Math.min(low, price);
        close = price;
    }

    void trade(double size) {
        volume += size;
        trades++;
    }

    private Bar toBar(String symbol, String runId) {
        if (open == 0) {
            return null;
        }
        Instant start = Instant.ofEpochSecond(minute * 60);
        return new Bar(Bar.idOf(symbol, start, runId), symbol, start, start.plusSeconds(60), open, high, low, close,
                volume, trades, runId);
    }

    static final int BYTES = 8 * 7;

    void writeTo(ByteBuffer out) {
        out.putLong(minute).putDouble(open).putDouble(high).putDouble(low).putDouble(close).putDouble(volume)
                .putLong(trades);
    }

    static ChartMinute readFrom(ByteBuffer in) {
        ChartMinute chart = new ChartMinute();
        chart.minute = in.getLong();
        chart.open = in.getDouble();
        chart.high = in.getDouble();
        chart.low = in.getDouble();
        chart.close = in.getDouble();
        chart.volume = in.getDouble();
        chart.trades = in.getLong();
        return chart;
    }
}
