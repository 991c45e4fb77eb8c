package com.marketpulse.feature.grid;

import com.marketpulse.events.Quote;
import com.marketpulse.events.SourceBar;
import com.marketpulse.events.Tick;
import java.time.Instant;

/** Market events for tests, at seconds after {@link #T0}. */
final class Events {

    static final Instant T0 = Instant.parse("2024-11-05T00:00:00Z");
    static final String SYMBOL = "BTC/USD";

    private Events() {
    }

    static Instant at(double seconds) {
        return T0.plusNanos(Math.round(seconds * 1e9));
    }

    static Quote quote(double seconds, double mid) {
        double half = mid * 0.00045;
        return Quote.live("alpaca", "us", SYMBOL, at(seconds), mid - half, 0.5, mid + half, 0.4);
    }

    static Tick trade(double seconds, double price, double size, String id) {
        return Tick.live("alpaca", "us", SYMBOL, at(seconds), price, size, id, "B");
    }

    /** The bar of the minute starting {@code minute} minutes after T0, known at its end. */
    static SourceBar bar(long minute, double open, double high, double low, double close, double volume) {
        Instant start = T0.plusSeconds(60 * minute);
        return new SourceBar(SourceBar.idOf("alpaca", "us", SYMBOL, start, null), SYMBOL, start, start.plusSeconds(60),
                open, high, low, close, volume, volume > 0 ? 3 : 0, volume > 0 ? close : 0, false, "alpaca", "us",
                null);
    }
}
