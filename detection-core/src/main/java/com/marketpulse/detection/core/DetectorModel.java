package com.marketpulse.detection.core;

import java.time.Instant;
import java.util.Objects;

/**
 * A trained forest and where it came from.
 *
 * @param version      shown on every alert it scores, e.g. {@code v3} or {@code bootstrap-1}
 * @param source       {@code bootstrap} (simulated normal data) or {@code archive} (real ticks)
 * @param trainingRows how many feature points it was grown on
 */
public record DetectorModel(String version, AnomalyForest forest, String source, Instant trainedAt, int trainingRows) {

    public DetectorModel {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(forest, "forest");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(trainedAt, "trainedAt");
    }

    /** Source tag of a model grown on {@link NormalMarket} points. */
    public static final String BOOTSTRAP = "bootstrap";
    /** Source tag of a model grown on real history (the archive or a candle file). */
    public static final String ARCHIVE = "archive";

    /** Grows a forest on simulated normal-regime points: the model of last resort. */
    public static DetectorModel bootstrap(String version, int rows, long seed, AnomalyForest.Options options,
                                          Instant now) {
        return new DetectorModel(version, AnomalyForest.fit(NormalMarket.sample(rows, seed), options, seed), BOOTSTRAP,
                now, rows);
    }
}
