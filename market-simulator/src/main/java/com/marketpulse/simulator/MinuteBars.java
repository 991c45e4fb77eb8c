package com.marketpulse.simulator;

import com.marketpulse.events.SourceBar;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One pair's minute bars, on whole UTC minutes, as Alpaca builds them: o/h/l/c, volume, trade count and VWAP of
 * the minute's trades; a minute without trades gets volume 0, 0 trades, no VWAP and o/h/l/c from the quote mids
 * seen in it (or, without quotes, the last known price).
 */
final class MinuteBars {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private final String symbol;
    private Instant start;
    private final Prices traded = new Prices();
    private final Prices mids = new Prices();
    private double volume;
    private double notional;
    private long trades;
    private double lastPrice = Double.NaN;

    MinuteBars(String symbol, Instant simulationStart) {
        this.symbol = symbol;
        this.start = simulationStart.truncatedTo(ChronoUnit.MINUTES);
    }

    /** The end of the current minute: when its bar is due. */
    Instant nextEndAt() {
        return start.plus(MINUTE);
    }

    void onTrade(double price, double size) {
        traded.add(price);
        volume += size;
        notional += price * size;
        trades++;
        lastPrice = price;
    }

    void onMid(double mid) {
        mids.add(mid);
        lastPrice = mid;
    }

    /** The bar of the minute that just ended (empty before any price was known), and the next minute begins. */
    Optional<SourceBar> close() {
        Instant end = nextEndAt();
        Prices prices = trades > 0 ? traded : mids;
        SourceBar bar = null;
        if (prices.count > 0) {
            bar = Emitted.bar(symbol, start, end, prices.open, prices.high, prices.low, prices.close, volume, trades,
                    trades > 0 ? Math.min(prices.high, Math.max(prices.low, notional / volume)) : 0);
        } else if (!Double.isNaN(lastPrice)) {
            bar = Emitted.bar(symbol, start, end, lastPrice, lastPrice, lastPrice, lastPrice, 0, 0, 0);
        }
        traded.clear();
        mids.clear();
        volume = 0;
        notional = 0;
        trades = 0;
        start = end;
        return Optional.ofNullable(bar);
    }

    private static final class Prices {
        double open;
        double high;
        double low;
        double close;
        long count;

        void add(double price) {
            if (count++ == 0) {
                open = price;
                high = price;
                low = price;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            close = price;
        }

        void clear() {
            count = 0;
        }
    }
}
