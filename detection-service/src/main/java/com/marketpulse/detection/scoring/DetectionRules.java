package com.marketpulse.detection.scoring;

/**
 * The thresholds of the classification rules. A rule's <em>strength</em> is its feature divided by its
 * threshold; the rule fires at strength 1.
 * <ul>
 *   <li>PRICE_SPIKE — the price is far from its recent level: {@code |priceZ| ≥ priceZThreshold} or
 *       {@code |returnZ| ≥ returnZThreshold} (the robust z of this tick's log return);</li>
 *   <li>VOLUME_ANOMALY — the trade is far larger than recent trades: {@code volumeZ ≥ volumeZThreshold};</li>
 *   <li>VOLATILITY_BURST — short-term volatility far above long-term: {@code volRatio ≥ volRatioThreshold}.</li>
 * </ul>
 * A fired rule becomes a finding when the forest agrees ({@code score ≥ forestScoreThreshold}) or when the rule
 * alone is decisive (strength ≥ {@code decisiveStrength}). Vectors with fewer than {@code warmUpSamples} samples
 * never make a finding.
 */
public record DetectionRules(
        int warmUpSamples,
        double priceZThreshold,
        double returnZThreshold,
        double volumeZThreshold,
        double volRatioThreshold,
        double forestScoreThreshold,
        double decisiveStrength) {

    public DetectionRules {
        if (warmUpSamples < 0) {
            throw new IllegalArgumentException("warmUpSamples must not be negative: " + warmUpSamples);
        }
        requirePositive("priceZThreshold", priceZThreshold);
        requirePositive("returnZThreshold", returnZThreshold);
        requirePositive("volumeZThreshold", volumeZThreshold);
        if (!(volRatioThreshold > 1)) {
            throw new IllegalArgumentException("volRatioThreshold must be above 1: " + volRatioThreshold);
        }
        if (!(forestScoreThreshold > 0 && forestScoreThreshold < 1)) {
            throw new IllegalArgumentException("forestScoreThreshold must be in (0, 1): " + forestScoreThreshold);
        }
        if (!(decisiveStrength >= 1)) {
            throw new IllegalArgumentException("decisiveStrength must be at least 1: " + decisiveStrength);
        }
    }

    /** The defaults of config/marketpulse.yml. */
    public static DetectionRules defaults() {
        return new DetectionRules(50, 4.0, 6.0, 4.0, 2.5, 0.6, 1.25);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
