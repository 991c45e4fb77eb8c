package com.marketpulse.detection.core;

import com.marketpulse.events.MarketFeatures;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores one grid step: the Isolation Forest on every step, then the rules; a rule that passes both its tests
 * (unusual and material) is a finding, its severity set by the rule ({@link Severity}) and the forest's share.
 * Stateless apart from the model: every memory of the market is in the features. Immutable and thread-safe; a
 * retrained model means a new detector.
 */
public final class Detector {

    private final DetectorModel model;
    private final DetectionSettings settings;
    private final List<Rule> rules;

    public Detector(DetectorModel model, DetectionSettings settings) {
        this.model = model;
        this.settings = settings;
        this.rules = List.of(new PriceMoveRule(settings.moveSigmas()), new VolumeRule(settings.volumeMultiple()),
                new VolatilityRule(settings.volatilityMultiple()));
    }

    public DetectorModel model() {
        return model;
    }

    public DetectionSettings settings() {
        return settings;
    }

    /** The findings of one step, at most one per type; empty for a normal or warming-up step. */
    public List<Finding> detect(MarketFeatures f) {
        if (f.historyMinutes() < settings.warmUp().toMinutes()) {
            return List.of();
        }
        Minimums minimums = settings.minimumsFor(f.symbol());
        double score = score(f);
        List<Finding> findings = new ArrayList<>(1);
        for (Rule rule : rules) {
            Candidate candidate = rule.judge(f, minimums);
            if (candidate != null) {
                findings.add(new Finding(candidate.type(), candidate.direction(),
                        Severity.of(candidate, score, settings.forestShare()), score, model.version(),
                        candidate.explanation(), f));
            }
        }
        return findings;
    }

    /** The forest's anomaly score of one step, in (0, 1]. */
    public double score(MarketFeatures f) {
        return model.forest().score(ForestInput.of(f));
    }
}
