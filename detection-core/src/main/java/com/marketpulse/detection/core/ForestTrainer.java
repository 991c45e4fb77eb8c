package com.marketpulse.detection.core;

import com.marketpulse.events.MarketFeatures;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Grows the Isolation Forest on real history: a uniform sample (reservoir) of the warm grid steps offered to it,
 * whatever the history's length. Used by detection-service's retraining from the archive, by the {@code train}
 * command on a candle file, and by the evaluation, so all three grow the same forest from the same steps.
 */
public final class ForestTrainer {

    private final int rows;
    private final long warmUpMinutes;
    private final SplittableRandom random;
    private final long seed;
    private final List<double[]> sample = new ArrayList<>();
    private long seen;

    /**
     * @param rows   the forest's training rows (the reservoir's size)
     * @param warmUp steps of a symbol with less history are skipped (their usual levels are still settling)
     * @param seed   the reservoir's and the trees' seed: the same history and seed grow the same forest
     */
    public ForestTrainer(int rows, Duration warmUp, long seed) {
        if (rows < 2) {
            throw new IllegalArgumentException("rows must be at least 2: " + rows);
        }
        this.rows = rows;
        this.warmUpMinutes = warmUp.toMinutes();
        this.random = new SplittableRandom(seed);
        this.seed = seed;
    }

    public void offer(MarketFeatures features) {
        if (features.historyMinutes() < warmUpMinutes) {
            return;
        }
        seen++;
        if (sample.size() < rows) {
            sample.add(ForestInput.of(features));
        } else {
            long slot = random.nextLong(seen);
            if (slot < rows) {
                sample.set((int) slot, ForestInput.of(features));
            }
        }
    }

    /** Steps offered and kept so far. */
    public int sampled() {
        return sample.size();
    }

    /** The forest grown on the sample; needs at least 2 sampled steps. */
    public DetectorModel train(String version, AnomalyForest.Options options, Instant now) {
        double[][] data = sample.toArray(double[][]::new);
        return new DetectorModel(version, AnomalyForest.fit(data, options, seed), DetectorModel.ARCHIVE, now, data.length);
    }
}
