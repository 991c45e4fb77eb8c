package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;

/**
 * The normalized features the Isolation Forest sees. Every coordinate is unit-free, so one forest fits every
 * symbol whatever its price level:
 * <ol>
 *   <li>{@code |priceZ|}: distance of the price from its recent mean, in standard deviations;</li>
 *   <li>{@code |returnZ|}: robust (median/MAD) z-score of the log return;</li>
 *   <li>{@code volumeZ}: z-score of the trade size on a log scale (positive = unusually large);</li>
 *   <li>{@code volRatio}: short over long realized volatility (about 1 normally);</li>
 *   <li>{@code |vwapDeviation|} in price standard deviations: {@code |price - vwap| / priceStd}.</li>
 * </ol>
 * Non-finite inputs (a window with zero spread) become 0 and every coordinate is clamped to
 * [-{@value #LIMIT}, {@value #LIMIT}], so one absurd value cannot distort the forest.
 */
public final class FeatureSpace {

    /** The number of coordinates. */
    public static final int DIMENSION = 5;
    /** Names of the coordinates, in order. */
    public static final String[] NAMES = {"absPriceZ", "absReturnZ", "volumeZ", "volRatio", "absVwapSigma"};

    static final double LIMIT = 50.0;

    private FeatureSpace() {
    }

    public static double[] of(FeatureVector v) {
        double[] x = new double[DIMENSION];
        x[0] = clamp(Math.abs(v.priceZ()));
        x[1] = clamp(Math.abs(v.returnZ()));
        x[2] = clamp(v.volumeZ());
        x[3] = clamp(v.volRatio());
        x[4] = clamp(Math.abs(vwapSigmas(v)));
        return x;
    }

    /** The price's deviation from VWAP in price standard deviations, signed. */
    public static double vwapSigmas(FeatureVector v) {
        return v.priceStd() > 0 ? (v.price() - v.vwap()) / v.priceStd() : 0.0;
    }

    static double clamp(double value) {
        if (!Double.isFinite(value)) {
            return Double.isNaN(value) ? 0.0 : Math.copySign(LIMIT, value);
        }
        return Math.max(-LIMIT, Math.min(LIMIT, value));
    }
}
