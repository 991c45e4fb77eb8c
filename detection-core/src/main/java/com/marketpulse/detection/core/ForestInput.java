package com.marketpulse.detection.core;

import com.marketpulse.events.MarketFeatures;

/**
 * The normalized features the Isolation Forest sees: unit-free, so one forest fits every symbol whatever its price
 * level or venue:
 * <ol>
 *   <li>to 3. {@code |return| / usual move} over 1, 5 and 15 minutes;</li>
 *   <li>4. {@code ln(volatility10m / usual)};</li>
 *   <li>5. and 6. {@code ln(1 + notional / usual)} over 1 and 5 minutes (per minute);</li>
 * </ol>
 * Non-finite inputs become 0 and every coordinate is clamped to [-{@value #LIMIT}, {@value #LIMIT}].
 */
public final class ForestInput {

    public static final int DIMENSION = 6;
    public static final String[] NAMES = {"move1m", "move5m", "move15m", "logVolRatio", "logNotional1m",
            "logNotional5m"};
    static final double LIMIT = 50.0;

    private ForestInput() {
    }

    public static double[] of(MarketFeatures f) {
        return new double[] {
                clamp(Math.abs(f.return1m()) / f.usualMove1m()),
                clamp(Math.abs(f.return5m()) / f.usualMove5m()),
                clamp(Math.abs(f.return15m()) / f.usualMove15m()),
                clamp(Math.log(f.volatility10m() / f.usualVolatility10m())),
                clamp(Math.log1p(f.notional1m() / f.usualNotional1m())),
                clamp(Math.log1p(f.notional5m() / 5 / f.usualNotional1m()))};
    }

    static double clamp(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? 0.0 : Math.copySign(LIMIT, value);
        }
        return Math.max(-LIMIT, Math.min(LIMIT, value));
    }
}
