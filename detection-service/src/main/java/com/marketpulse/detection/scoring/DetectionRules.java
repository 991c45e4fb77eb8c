package com.marketpulse.detection.scoring;

/**
 * The thresholds of the classification rules. A rule's <em>strength</em> is its feature divided by its
 * threshold; the rule fires at strength 1. "Recent" means the symbol's last {@value SymbolHistory#LENGTH} vectors.
 * <ul>
 *   <li>PRICE_SPIKE — the price jumps away from its recent level in one move: {@code |returnZ| ≥ returnZThreshold}
 *       (robust z of this tick's log return) while no recent return reached {@code clusterReturnZ} (an isolated
 *       move, not a volatile stretch). Its strength is the larger of the return's and of
 *       {@code |priceZ| / priceZThreshold} (how far the price now is from its recent mean).</li>
 *   <li>VOLUME_ANOMALY — traded size far above its recent level: {@code volumeZ ≥ volumeZThreshold} for one trade,
 *       or the mean {@code volumeZ} of this and the 3 previous trades {@code ≥ sustainedVolumeZ}.</li>
 *   <li>VOLATILITY_BURST — short-term volatility far above long-term: {@code volRatio ≥ volRatioThreshold}, or
 *       {@code clusterSize} returns of at least {@code clusterReturnZ} among this and the recent vectors.</li>
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
        double decisiveStrength,
        double clusterReturnZ,
        int clusterSize,
        double sustainedVolumeZ) {

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
        requirePositive("clusterReturnZ", clusterReturnZ);
        if (clusterSize < 2 || clusterSize > SymbolHistory.LENGTH + 1) {
            throw new IllegalArgumentException("clusterSize must be in [2, " + (SymbolHistory.LENGTH + 1) + "]: "
                    + clusterSize);
        }
        requirePositive("sustainedVolumeZ", sustainedVolumeZ);
    }

    /** The defaults of config/marketpulse.yml. */
    public static DetectionRules defaults() {
        return new DetectionRules(50, 4.0, 12.0, 4.5, 2.5, 0.6, 1.25, 4.5, 4, 2.0);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
