package com.marketpulse.simulator;

import java.util.Map;

/**
 * Realistic levels of one pair: where the price starts, its tick and lot size, its annualised volatility and
 * the median notional of a trade.
 */
record SymbolProfile(double initialPrice, double tickSize, double lotSize, double annualVolatility,
                     double medianNotional) {

    private static final Map<String, SymbolProfile> KNOWN = Map.of(
            "BTC/USD", new SymbolProfile(90_000.0, 0.01, 0.000001, 0.55, 600.0),
            "ETH/USD", new SymbolProfile(3_000.0, 0.01, 0.00001, 0.70, 500.0),
            "SOL/USD", new SymbolProfile(150.0, 0.001, 0.001, 0.90, 400.0),
            "LTC/USD", new SymbolProfile(90.0, 0.001, 0.001, 0.80, 300.0),
            "AVAX/USD", new SymbolProfile(35.0, 0.001, 0.001, 0.95, 300.0),
            "LINK/USD", new SymbolProfile(18.0, 0.0001, 0.01, 0.90, 300.0),
            "DOGE/USD", new SymbolProfile(0.35, 0.00001, 1.0, 1.00, 300.0));

    private static final SymbolProfile UNKNOWN = new SymbolProfile(100.0, 0.01, 0.001, 0.90, 300.0);

    static SymbolProfile of(String symbol) {
        return KNOWN.getOrDefault(symbol, UNKNOWN);
    }

    /** Standard deviation of one trade's log return when trades arrive at the given rate, around the clock. */
    double perTradeVolatility(double tradesPerSecond) {
        double secondsPerYear = 365.25 * 24 * 3600;
        return annualVolatility / Math.sqrt(secondsPerYear * tradesPerSecond);
    }

    /** Rounds to the tick; dividing by the whole number of ticks per unit keeps the decimal clean. */
    double roundPrice(double price) {
        return Math.max(tickSize, roundTo(price, tickSize));
    }

    double roundSize(double size) {
        return Math.max(lotSize, roundTo(size, lotSize));
    }

    private static double roundTo(double value, double step) {
        if (step >= 1) {
            return Math.round(value / step) * step;
        }
        double perUnit = Math.rint(1 / step);
        return Math.round(value * perUnit) / perUnit;
    }
}
