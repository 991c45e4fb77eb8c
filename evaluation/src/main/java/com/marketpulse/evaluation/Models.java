package com.marketpulse.evaluation;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.scoring.AnomalyForest;
import com.marketpulse.detection.scoring.DetectorModel;
import com.marketpulse.detection.scoring.FeatureSpace;
import com.marketpulse.events.Tick;
import com.marketpulse.feature.math.FeatureSettings;
import com.marketpulse.feature.math.SymbolState;
import com.marketpulse.feature.math.TickOutcome;
import com.marketpulse.simulator.MarketSimulator;
import com.marketpulse.simulator.MarketSink;
import com.marketpulse.events.AnomalyLabel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import smile.math.MathEx;

/** The forest a deployment would score with. */
enum Models {

    /** What a fresh stack uses: grown on detection-service's simulated normal regime (bootstrap seed and rows). */
    BOOTSTRAP,

    /**
     * What a stack uses after its first retraining: grown, as detection-service's trainer does, on {@code rows}
     * feature points drawn at random from the post-warm-up vectors of the newest {@code archive-ticks} ticks, here
     * of a simulated stream (with anomalies, as the archive would hold them) of a seed the evaluation never scores.
     */
    ARCHIVE;

    private static final long TRAINING_SEED_OFFSET = 1_000_003L;

    /**
     * The model for the streams of one seed. Smile draws the trees' random splits from a thread-local generator,
     * seeded here from {@code seed}; the forest is reproducible when the common fork-join pool runs its work on
     * the calling thread (parallelism 0, as {@link EvaluationCommand} sets), otherwise it varies from run to run.
     */
    DetectorModel build(DeployedConfig config, long seed) {
        DetectionProperties.Model settings = config.detection().model();
        MathEx.setSeed(seed);
        if (this == BOOTSTRAP) {
            return DetectorModel.bootstrap("bootstrap-eval", settings.rows(), settings.bootstrapSeed(),
                    settings.options(), StreamRun.START);
        }
        List<double[]> points = archivePoints(config, seed + TRAINING_SEED_OFFSET, settings.archiveTicks());
        Collections.shuffle(points, new Random(points.size()));
        double[][] rows = points.subList(0, Math.min(settings.rows(), points.size())).toArray(double[][]::new);
        return new DetectorModel("archive-eval", AnomalyForest.fit(rows, settings.options()), DetectorModel.ARCHIVE,
                StreamRun.START, rows.length);
    }

    private static List<double[]> archivePoints(DeployedConfig config, long seed, int maxTicks) {
        FeatureSettings windows = config.features();
        int warmUp = config.detection().warmUpSamples();
        Map<String, SymbolState> states = new HashMap<>();
        List<double[]> points = new ArrayList<>();
        int[] seen = {0};
        var simulator = new MarketSimulator(config.simulator().withSeed(seed), config.symbols(), StreamRun.START);
        MarketSink sink = new MarketSink() {
            @Override
            public void onTick(Tick tick) {
                if (seen[0]++ >= maxTicks) {
                    return;
                }
                var outcome = states.computeIfAbsent(tick.symbol(), s -> SymbolState.fresh(windows)).onTick(tick);
                if (outcome instanceof TickOutcome.Accepted accepted && accepted.features().samples() >= warmUp) {
                    points.add(FeatureSpace.of(accepted.features()));
                }
            }

            @Override
            public void onLabel(AnomalyLabel label) {
                // the archive holds ticks only
            }
        };
        Instant until = StreamRun.START;
        while (seen[0] < maxTicks) {
            until = until.plusSeconds(600);
            simulator.advanceTo(until, sink);
        }
        return points;
    }
}
