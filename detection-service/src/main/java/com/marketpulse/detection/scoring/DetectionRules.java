package com.marketpulse.detection.scoring;

/**
 * The thresholds of the classification rules. A rule's <em>strength</em> is its feature (or evidence) divided by
 * its threshold; the rule fires at strength 1.
 * <ul>
 *   <li>PRICE_SPIKE — the price jumps away from its recent level in one move: {@code |returnZ| ≥ returnZThreshold}
 *       (robust median/MAD z of this tick's log return) while no volatility burst is under way (a big move inside
 *       a volatile stretch is part of the burst). Its strength is the larger of the return's and of
 *       {@code |priceZ| / priceZThreshold} (how far the price now is from its recent mean).</li>
 *   <li>VOLUME_ANOMALY — traded size far above its recent level: one trade's size z-score (log scale)
 *       {@code ≥ volumeZThreshold}, or sustained: the volume {@link Evidence} of the last trades (sizes about
 *       {@code volumeShift} σ above normal) {@code ≥ volumeEvidence}.</li>
 *   <li>VOLATILITY_BURST — short-term volatility far above long-term: the burst {@link Evidence} (recent returns
 *       about {@code burstMultiplier} times their normal size, no trade adding more than {@code burstTradeCap})
 *       {@code ≥ burstEvidence}.</li>
 * </ul>
 * A one-trade rule (the spike, the single large trade) becomes a finding when the forest agrees
 * ({@code score ≥ forestScoreThreshold}) or when the rule alone is decisive (strength ≥ {@code decisiveStrength}).
 * An evidence rule has already weighed many trades, which the forest (it sees one vector) cannot; its findings need
 * no confirmation, and the forest's score sets part of every finding's severity. Vectors with fewer than
 * {@code warmUpSamples} samples never make a finding.
 */
public record DetectionRules(
        int warmUpSamples,
        double priceZThreshold,
        double returnZThreshold,
        double volumeZThreshold,
        double volumeShift,
        double volumeEvidence,
        double burstMultiplier,
        double burstTradeCap,
        double burstEvidence,
        double forestScoreThreshold,
        double decisiveStrength) {

    public DetectionRules {
        if (warmUpSamples < 0) {
            throw new IllegalArgumentException("warmUpSamples must not be negative: " + warmUpSamples);
        }
        requirePositive("priceZThreshold", priceZThreshold);
        requirePositive("returnZThreshold", returnZThreshold);
        requirePositive("volumeZThreshold", volumeZThreshold);
        requirePositive("volumeShift", volumeShift);
        requirePositive("volumeEvidence", volumeEvidence);
        if (!(burstMultiplier > 1) || Double.isInfinite(burstMultiplier)) {
            throw new IllegalArgumentException("burstMultiplier must be above 1: " + burstMultiplier);
        }
        requirePositive("burstTradeCap", burstTradeCap);
        requirePositive("burstEvidence", burstEvidence);
        if (!(burstEvidence > burstTradeCap)) {
            throw new IllegalArgumentException("burstEvidence must exceed burstTradeCap, or one trade makes a burst: "
                    + burstEvidence + " <= " + burstTradeCap);
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
        return new DetectionRules(50, 4.0, 22.0, 5.0, 2.0, 13.0, 8.0, 4.0, 20.0, 0.6, 1.25);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number: " + value);
        }
    }
}
