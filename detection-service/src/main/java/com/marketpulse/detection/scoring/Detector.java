package com.marketpulse.detection.scoring;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.FeatureVector;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one {@link FeatureVector} with the rules and the Isolation Forest and says what, if anything, is
 * anomalous about it. Immutable and thread-safe: a retrained model means a new detector.
 * <p>
 * The rules ({@link DetectionRules}) pick the candidate types; the forest's score, computed only for a vector
 * with a candidate (most vectors have none, so they cost a few comparisons), confirms a candidate whose rule is
 * not decisive on its own and raises the severity of every finding.
 * <p>
 * Direction: for a price spike, the sign of the price z-score (the return's when only the return rule fired);
 * for a volume anomaly, the sign of this tick's log return; for a volatility burst, the side of the mean the
 * price is on.
 */
public final class Detector {

    private final DetectorModel model;
    private final DetectionRules rules;
    private final Explanation explanation;

    /**
     * @param priceWindow the feature service's price window in ticks, named in explanations
     */
    public Detector(DetectorModel model, DetectionRules rules, int priceWindow) {
        this.model = model;
        this.rules = rules;
        this.explanation = new Explanation(priceWindow);
    }

    public DetectorModel model() {
        return model;
    }

    public DetectionRules rules() {
        return rules;
    }

    /** The findings of one vector, at most one per type; empty for a normal or warming-up vector. */
    public List<Finding> detect(FeatureVector v) {
        if (v.samples() < rules.warmUpSamples()) {
            return List.of();
        }
        double spike = Math.max(strength(Math.abs(v.priceZ()), rules.priceZThreshold()),
                strength(Math.abs(v.returnZ()), rules.returnZThreshold()));
        double volume = strength(v.volumeZ(), rules.volumeZThreshold());
        double burst = strength(v.volRatio(), rules.volRatioThreshold());
        if (spike < 1 && volume < 1 && burst < 1) {
            return List.of();
        }
        double score = model.forest().score(FeatureSpace.of(v));
        List<Finding> findings = new ArrayList<>(3);
        add(findings, AlertType.PRICE_SPIKE, spike, score, v, spikeDirection(v));
        add(findings, AlertType.VOLUME_ANOMALY, volume, score, v, Direction.of(v.logReturn()));
        add(findings, AlertType.VOLATILITY_BURST, burst, score, v, Direction.of(v.priceZ()));
        return findings;
    }

    /** The forest's score of one vector, whether or not a rule fires (for evaluation and benchmarks). */
    public double score(FeatureVector v) {
        return model.forest().score(FeatureSpace.of(v));
    }

    private void add(List<Finding> findings, AlertType type, double strength, double score, FeatureVector v,
                     Direction direction) {
        if (strength < 1) {
            return;
        }
        if (score < rules.forestScoreThreshold() && strength < rules.decisiveStrength()) {
            return;
        }
        findings.add(new Finding(type, direction, Severity.of(strength, score), score, model.version(),
                explanation.of(type, v, score), v));
    }

    private Direction spikeDirection(FeatureVector v) {
        boolean byPrice = Math.abs(v.priceZ()) >= rules.priceZThreshold();
        return Direction.of(byPrice ? v.priceZ() : v.returnZ());
    }

    private static double strength(double value, double threshold) {
        return Double.isFinite(value) ? value / threshold : 0.0;
    }
}
