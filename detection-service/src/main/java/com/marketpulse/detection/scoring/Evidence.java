package com.marketpulse.detection.scoring;

import com.marketpulse.events.FeatureVector;

/**
 * The sequential evidence of one symbol: two CUSUM statistics (Page 1954) that add up, trade by trade, how much
 * more likely the recent trades are under an anomaly than under the normal market, and forget it again as normal
 * trades come in ({@code S' = max(0, S + log-likelihood ratio)}). One trade rarely tells an anomaly from noise; a
 * few trades that all lean the same way do, and a CUSUM is the fastest detector for a given false-alarm rate
 * (Lorden 1971). Immutable: {@link #after} gives the evidence including the next trade.
 * <ul>
 *   <li>volume: trade-size z-scores (log scale, normally standard normal) against sizes shifted up by
 *       {@code volumeShift} σ — each trade adds {@code shift·z − shift²/2};</li>
 *   <li>burst: robust return z-scores (normally a Student-t with {@value #DEGREES_OF_FREEDOM} degrees of freedom
 *       at scale {@value #NORMAL_SCALE}, the robust z of fat-tailed returns) against the same at
 *       {@code burstMultiplier} times the scale. Each trade adds at most {@code burstTradeCap}, so one jump, however
 *       large, is never a burst on its own: that is a price spike.</li>
 * </ul>
 *
 * @param volume       the volume statistic (0 = nothing unusual)
 * @param volumeTrades trades since the volume statistic was last 0
 * @param volumeZSum   sum of their size z-scores
 * @param volumeLogRatioSum sum of their log size ratios to the usual size ({@link FeatureVector#typicalSize()})
 * @param burst        the volatility statistic (0 = nothing unusual)
 * @param burstTrades  trades since the burst statistic was last 0
 * @param burstAbsZSum sum of their absolute robust return z-scores
 * @param volumePeak   the highest volume statistic since it was last 0
 * @param burstPeak    the highest burst statistic since it was last 0
 */
public record Evidence(double volume, int volumeTrades, double volumeZSum, double volumeLogRatioSum,
                       double burst, int burstTrades, double burstAbsZSum, double volumePeak, double burstPeak) {

    static final int DEGREES_OF_FREEDOM = 6;
    /** The robust z of a unit-variance Student-t(6) return: 1.4826·MAD of t(6) is 1.065 of its own units. */
    static final double NORMAL_SCALE = 0.94;

    /** No evidence of anything. */
    public static final Evidence NONE = new Evidence(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** The evidence after one more trade; non-finite features count as normal (they add nothing). */
    public Evidence after(FeatureVector v, DetectionRules rules) {
        double sizeZ = Double.isFinite(v.volumeZ()) ? v.volumeZ() : 0.0;
        double shift = rules.volumeShift();
        double nextVolume = Math.max(0.0, volume + shift * sizeZ - shift * shift / 2);
        double returnZ = Double.isFinite(v.returnZ()) ? Math.abs(v.returnZ()) : 0.0;
        double step = Math.min(rules.burstTradeCap(), burstLogLikelihoodRatio(returnZ, rules.burstMultiplier()));
        double nextBurst = Math.max(0.0, burst + step);
        return new Evidence(
                nextVolume, nextVolume > 0 ? volumeTrades + 1 : 0, nextVolume > 0 ? volumeZSum + sizeZ : 0.0,
                nextVolume > 0 ? volumeLogRatioSum + logSizeRatio(v) : 0.0,
                nextBurst, nextBurst > 0 ? burstTrades + 1 : 0, nextBurst > 0 ? burstAbsZSum + returnZ : 0.0,
                nextVolume > 0 ? Math.max(volumePeak, nextVolume) : 0.0,
                nextBurst > 0 ? Math.max(burstPeak, nextBurst) : 0.0);
    }

    /** Mean trade-size z-score of the trades behind the volume statistic; NaN when there are none. */
    public double meanVolumeZ() {
        return volumeTrades > 0 ? volumeZSum / volumeTrades : Double.NaN;
    }

    /**
     * How many times the usual size the trades behind the volume statistic were, as a geometric mean; NaN when
     * there are none.
     */
    public double volumeSizeRatio() {
        return volumeTrades > 0 ? Math.exp(volumeLogRatioSum / volumeTrades) : Double.NaN;
    }

    /** ln(size / usual size) of one trade; 0 when either is unknown (a zero size, no sizes seen yet). */
    static double logSizeRatio(FeatureVector v) {
        return v.size() > 0 && v.typicalSize() > 0 ? Math.log(v.size() / v.typicalSize()) : 0.0;
    }

    /** Mean absolute robust return z-score of the trades behind the burst statistic; NaN when there are none. */
    public double meanAbsReturnZ() {
        return burstTrades > 0 ? burstAbsZSum / burstTrades : Double.NaN;
    }

    /**
     * log f(z; k·s) − log f(z; s) for the Student-t density f at scale s = {@link #NORMAL_SCALE}: negative for small
     * returns, growing with |z| and bounded by ν·log k for huge ones.
     */
    static double burstLogLikelihoodRatio(double absZ, double k) {
        double nu = DEGREES_OF_FREEDOM;
        double scaled = absZ * absZ / (nu * NORMAL_SCALE * NORMAL_SCALE);
        return -Math.log(k) - (nu + 1) / 2 * (Math.log1p(scaled / (k * k)) - Math.log1p(scaled));
    }
}
