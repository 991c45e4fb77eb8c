package com.marketpulse.detection.support;

import com.marketpulse.events.MarketFeatures;
import java.time.Instant;

/**
 * Grid steps for tests: a calm one with plenty of history (every feature at its usual level), and decisive crashes
 * (a 5-minute move tens of times its usual size and well above every symbol's minimum).
 */
public final class Features {

    /** Usual moves: 0.1 % in 1 minute, 0.3 % in 5, 0.5 % in 15. */
    static final double USUAL_1M = 0.001;
    static final double USUAL_5M = 0.003;
    static final double USUAL_15M = 0.005;

    private Features() {
    }

    /** A calm step after ten hours of history. */
    public static MarketFeatures calm(String symbol, Instant time) {
        return new MarketFeatures(MarketFeatures.idOf(symbol, time, null), symbol, time, 100.0, 600, 0.0, 0.0, 0.0,
                USUAL_1M, USUAL_5M, USUAL_15M, 0.003, 0.003, 50_000, 250_000, 50_000, 0.0005, 5, null);
    }

    /**
     * A fall of {@code percent} (e.g. 8 for −8 %) over the last 5 minutes (a third of it in the last minute), with
     * volume and volatility at their usual levels: a PRICE_SPIKE and nothing else.
     */
    public static MarketFeatures crash(String symbol, Instant time, double percent) {
        MarketFeatures c = calm(symbol, time);
        double r5 = Math.log1p(-percent / 100);
        return new MarketFeatures(c.eventId(), symbol, time, c.price() * (1 - percent / 100), c.historyMinutes(),
                r5 / 3, r5, r5, c.usualMove1m(), c.usualMove5m(), c.usualMove15m(), c.volatility10m(),
                c.usualVolatility10m(), c.notional1m(), c.notional5m(), c.usualNotional1m(), c.spread(),
                c.secondsSinceTrade(), null);
    }

    public static MarketFeatures history(MarketFeatures f, double minutes) {
        return new MarketFeatures(f.eventId(), f.symbol(), f.eventTime(), f.price(), minutes, f.return1m(),
                f.return5m(), f.return15m(), f.usualMove1m(), f.usualMove5m(), f.usualMove15m(), f.volatility10m(),
                f.usualVolatility10m(), f.notional1m(), f.notional5m(), f.usualNotional1m(), f.spread(),
                f.secondsSinceTrade(), f.runId());
    }

    public static MarketFeatures run(MarketFeatures f, String runId) {
        return new MarketFeatures(MarketFeatures.idOf(f.symbol(), f.eventTime(), runId), f.symbol(), f.eventTime(),
                f.price(), f.historyMinutes(), f.return1m(), f.return5m(), f.return15m(), f.usualMove1m(),
                f.usualMove5m(), f.usualMove15m(), f.volatility10m(), f.usualVolatility10m(), f.notional1m(),
                f.notional5m(), f.usualNotional1m(), f.spread(), f.secondsSinceTrade(), runId);
    }
}
