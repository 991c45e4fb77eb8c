package com.marketpulse.evaluation.real;

import com.marketpulse.detection.core.AnomalyForest;
import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.DetectorModel;
import com.marketpulse.detection.core.Minimums;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** The detector settings and models the evaluation measures. */
public final class EvaluationModels {

    private EvaluationModels() {
    }

    /** The shipped thresholds (config/marketpulse.yml's marketpulse.detection), chosen on ALGO, LINK and NEAR. */
    public static DetectionSettings shippedDetection() {
        Minimums alts = new Minimums(0.015, 0.02, 0.035, 500_000, 0.02);
        Minimums majors = new Minimums(0.01, 0.015, 0.025, 5_000_000, 0.01);
        return new DetectionSettings(Duration.ofHours(3), 4, 10, 3, 0.25, Duration.ofMinutes(5),
                Map.of(DetectionSettings.DEFAULT, alts, "BTC/USD", majors, "ETH/USD", majors));
    }

    /** The forest a fresh stack starts with: grown on simulated normal steps. */
    public static DetectorModel bootstrap() {
        return DetectorModel.bootstrap("bootstrap", 512, 42, new AnomalyForest.Options(100, 0.5, 0), Instant.EPOCH);
    }
}
