package com.marketpulse.detection.core;

/**
 * What is material to a holder of one symbol: the smallest move, traded value and volatility worth an alert,
 * however unusual a smaller one is. Fractions: 0.02 = 2 %.
 *
 * @param move1m        smallest price move in one minute
 * @param move5m        smallest price move in five minutes
 * @param move15m       smallest price move in fifteen minutes
 * @param notional5m    smallest traded value (quote currency) in five minutes for a volume anomaly
 * @param volatility10m smallest 10-minute realized volatility for a volatility burst
 */
public record Minimums(double move1m, double move5m, double move15m, double notional5m, double volatility10m) {

    public Minimums {
        for (double value : new double[] {move1m, move5m, move15m, notional5m, volatility10m}) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("minimums must be positive and finite: " + this);
            }
        }
    }

    double move(int horizon) {
        return switch (horizon) {
            case 0 -> move1m;
            case 1 -> move5m;
            default -> move15m;
        };
    }
}
