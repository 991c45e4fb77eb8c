package com.marketpulse.detection.scoring;

import java.util.SplittableRandom;

/**
 * Simulated normal-regime points of the {@link FeatureSpace}, to bootstrap a forest when no model and no history
 * exist. The marginals follow what the features look like on a calm random-walk market:
 * <ul>
 *   <li>price z-score: Gaussian with σ 1.3 (a random walk drifts further from its trailing mean than white noise);</li>
 *   <li>robust return z-score: standard Gaussian, slightly fat-tailed (a Student-like mixture, 5% with σ 2);</li>
 *   <li>log trade-size z-score: standard Gaussian;</li>
 *   <li>short/long volatility ratio: log-normal around 1 with σ 0.25;</li>
 *   <li>VWAP deviation in σ: the price z-score plus Gaussian noise with σ 0.5 (VWAP tracks the mean).</li>
 * </ul>
 * The same seed always gives the same points.
 */
public final class NormalRegime {

    private NormalRegime() {
    }

    public static double[][] sample(int count, long seed) {
        if (count < 2) {
            throw new IllegalArgumentException("count must be at least 2: " + count);
        }
        var random = new SplittableRandom(seed);
        double[][] rows = new double[count][];
        for (int i = 0; i < count; i++) {
            double priceZ = 1.3 * random.nextGaussian();
            double returnSigma = random.nextDouble() < 0.05 ? 2.0 : 1.0;
            double returnZ = returnSigma * random.nextGaussian();
            double volumeZ = random.nextGaussian();
            double volRatio = Math.exp(0.25 * random.nextGaussian());
            double vwapSigmas = priceZ + 0.5 * random.nextGaussian();
            rows[i] = new double[] {
                    FeatureSpace.clamp(Math.abs(priceZ)),
                    FeatureSpace.clamp(Math.abs(returnZ)),
                    FeatureSpace.clamp(volumeZ),
                    FeatureSpace.clamp(volRatio),
                    FeatureSpace.clamp(Math.abs(vwapSigmas))};
        }
        return rows;
    }
}
