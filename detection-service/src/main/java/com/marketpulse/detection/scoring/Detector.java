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
 * The rules ({@link DetectionRules}) pick the candidate types from this vector and the symbol's {@link Evidence};
 * the forest's score, computed only for a vector with a candidate (most vectors have none, so they cost a few
 * comparisons and two CUSUM steps), confirms a one-trade rule that is not decisive on its own and raises the
 * severity of every finding (during an evidence rule's run, only when the evidence reaches a new peak).
 * <p>
 * Direction: for a price spike and a volume anomaly, the sign of this tick's log return; for a volatility burst,
 * the side of its recent mean the price is on.
 */
public final class Detector {

    /**
     * The score given to a finding the forest was not asked about: an evidence rule below its run's peak (it
     * extends the episode but cannot become its peak, whose severity is at least as high), counted as neutral.
     * Scoring only new peaks keeps a long anomaly from costing a forest evaluation on every trade.
     */
    static final double NOT_SCORED = 0.5;

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
     * The findings of one vector, at most one per type; empty for a normal or warming-up vector. Pure: the
     * history is not changed (the caller {@link #remember}s the vector once its findings are handled).
     *
     * @param history the symbol's evidence so far, normally not yet including {@code v}; for a redelivered vector
     *                (not newer than the last remembered one) it is used as it is, so nothing counts twice
     */
    public List<Finding> detect(FeatureVector v, SymbolHistory history) {
        if (v.samples() < rules.warmUpSamples()) {
            return List.of();
        }
        Evidence before = history.evidence();
        Evidence now = history.isNew(v) ? before.after(v, rules) : before;
        double burst = now.burst() / rules.burstEvidence();
        double jump = strength(Math.abs(v.returnZ()), rules.returnZThreshold());
        double spike = jump >= 1 && before.burst() < rules.burstEvidence()
                ? Math.max(jump, strength(Math.abs(v.priceZ()), rules.priceZThreshold())) : 0.0;
        double largeTrade = strength(v.volumeZ(), rules.volumeZThreshold());
        double sustained = now.volume() / rules.volumeEvidence();
        if (spike < 1 && largeTrade < 1 && sustained < 1 && burst < 1) {
            return List.of();
        }
        boolean oneTrade = spike >= 1 || largeTrade >= 1;
        boolean newPeak = sustained >= 1 && now.volume() > before.volumePeak()
                || burst >= 1 && now.burst() > before.burstPeak();
        double score = oneTrade || newPeak ? model.forest().score(FeatureSpace.of(v)) : NOT_SCORED;
        List<Finding> findings = new ArrayList<>(3);
        if (confirmed(spike, score)) {
            findings.add(finding(AlertType.PRICE_SPIKE, spike, score, v, Direction.of(v.logReturn()), now));
        }
        double volume = sustained >= 1 ? Math.max(sustained, largeTrade)
                : confirmed(largeTrade, score) ? largeTrade : 0.0;
        if (volume >= 1) {
            findings.add(finding(AlertType.VOLUME_ANOMALY, volume, score, v, Direction.of(v.logReturn()),
                    sustained >= 1 ? now : Evidence.NONE));
        }
        if (burst >= 1) {
            findings.add(finding(AlertType.VOLATILITY_BURST, burst, score, v, Direction.of(v.priceZ()), now));
        }
        return findings;
    }

    /** Counts {@code v} into the symbol's evidence, after its findings have been handled. */
    public void remember(FeatureVector v, SymbolHistory history) {
        if (history.isNew(v)) {
            history.record(v, history.evidence().after(v, rules));
        }
    }

    /** The forest's score of one vector, whether or not a rule fires (for evaluation and benchmarks). */
    public double score(FeatureVector v) {
        return model.forest().score(FeatureSpace.of(v));
    }

    /** A one-trade rule's finding: decisive alone, or confirmed by the forest. */
    private boolean confirmed(double strength, double score) {
        return strength >= 1 && (strength >= rules.decisiveStrength() || score >= rules.forestScoreThreshold());
    }

    private Finding finding(AlertType type, double strength, double score, FeatureVector v, Direction direction,
                            Evidence evidence) {
        return new Finding(type, direction, Severity.of(strength, score), score, model.version(),
                explanation.of(type, v, score, evidence), v);
    }

    private static double strength(double value, double threshold) {
        return Double.isFinite(value) ? value / threshold : 0.0;
    }
}
