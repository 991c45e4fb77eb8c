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
 * Direction: for a price spike and a volume anomaly, the sign of this tick's log return; for a volatility burst,
 * the side of its recent mean the price is on.
 */
public final class Detector {

    /** The sustained-volume rule looks at this many trades: this one and the previous ones. */
    static final int SUSTAINED_TRADES = 4;

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

    /** The findings of one vector without context (as if nothing came before it). */
    public List<Finding> detect(FeatureVector v) {
        return detect(v, SymbolHistory.empty());
    }

    /**
     * The findings of one vector, at most one per type; empty for a normal or warming-up vector.
     *
     * @param history the symbol's recent vectors, not yet including {@code v} (the caller records {@code v} after)
     */
    public List<Finding> detect(FeatureVector v, SymbolHistory history) {
        if (v.samples() < rules.warmUpSamples()) {
            return List.of();
        }
        double absReturnZ = Math.abs(v.returnZ());
        boolean large = absReturnZ >= rules.clusterReturnZ();
        int cluster = history.largeReturns(rules.clusterReturnZ()) + (large ? 1 : 0);
        double jump = strength(absReturnZ, rules.returnZThreshold());
        double spike = jump >= 1 && cluster == 1
                ? Math.max(jump, strength(Math.abs(v.priceZ()), rules.priceZThreshold())) : 0.0;
        double meanVolumeZ = history.meanVolumeZ(v.volumeZ(), SUSTAINED_TRADES - 1);
        double sustained = strength(meanVolumeZ, rules.sustainedVolumeZ());
        double volume = Math.max(strength(v.volumeZ(), rules.volumeZThreshold()), sustained);
        double clustered = large ? (double) cluster / rules.clusterSize() : 0.0;
        double burst = Math.max(strength(v.volRatio(), rules.volRatioThreshold()), clustered);
        if (spike < 1 && volume < 1 && burst < 1) {
            return List.of();
        }
        double score = model.forest().score(FeatureSpace.of(v));
        var context = new Explanation.Context(sustained >= 1 ? meanVolumeZ : Double.NaN, SUSTAINED_TRADES,
                clustered >= 1 ? cluster : 0, rules.clusterReturnZ());
        List<Finding> findings = new ArrayList<>(3);
        add(findings, AlertType.PRICE_SPIKE, spike, score, v, Direction.of(v.logReturn()), context);
        add(findings, AlertType.VOLUME_ANOMALY, volume, score, v, Direction.of(v.logReturn()), context);
        add(findings, AlertType.VOLATILITY_BURST, burst, score, v, Direction.of(v.priceZ()), context);
        return findings;
    }

    /** The forest's score of one vector, whether or not a rule fires (for evaluation and benchmarks). */
    public double score(FeatureVector v) {
        return model.forest().score(FeatureSpace.of(v));
    }

    private void add(List<Finding> findings, AlertType type, double strength, double score, FeatureVector v,
                     Direction direction, Explanation.Context context) {
        if (strength < 1) {
            return;
        }
        if (score < rules.forestScoreThreshold() && strength < rules.decisiveStrength()) {
            return;
        }
        findings.add(new Finding(type, direction, Severity.of(strength, score), score, model.version(),
                explanation.of(type, v, score, context), v));
    }

    private static double strength(double value, double threshold) {
        return Double.isFinite(value) ? value / threshold : 0.0;
    }
}
