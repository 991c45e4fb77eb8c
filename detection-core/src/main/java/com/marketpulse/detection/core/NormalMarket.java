package com.marketpulse.detection.core;

import java.util.SplittableRandom;

/**
 * Simulated normal grid steps in {@link ForestInput} coordinates, to bootstrap a forest when no model and no real
 * history exist: moves over 1/5/15 minutes of a fat-tailed calm market (half-normal, 5 % of them twice as wide),
 * log volatility ratio around 0 with σ 0.4, per-minute traded value log-normal around its usual level (σ 0.8). A
 * forest trained on real history (a candle file, the archive) replaces it. The same seed gives the same points.
 */
public final class NormalMarket {

    private NormalMarket() {
    }

    public static double[][] sample(int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be at least 2: " + count);
        }
        var random = new SplittableRandom(seed);
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            double wide = random.nextDouble() < 0.05 ? 2.0 : 1.0;
            double volume1 = Math.exp(0.8 * random.nextGaussian());
            double volume5 = Math.exp(0.5 * random.nextGaussian());
            rows[i] = new double[] {
                    ForestInput.clamp(Math.abs(wide * random.nextGaussian())),
                    ForestInput.clamp(Math.abs(wide * random.nextGaussian())),
                    ForestInput.clamp(Math.abs(wide * random.nextGaussian())),
                    ForestInput.clamp(0.4 * random.nextGaussian()),
                    ForestInput.clamp(Math.log1p(volume1)),
                    ForestInput.clamp(Math.log1p(volume5))};
        }
        return rows;
    }
}
