package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class AnomalyForestSeedTest {

    private static final double[][] ROWS = NormalMarket.sample(512, 7);

    /** Scores of the forest at points spread over the feature space, normal and wild. */
    private static double[] scores(AnomalyForest forest) {
        var random = new SplittableRandom(11);
        double[] scores = new double[200];
        for (int i = 0; i < scores.length; i++) {
            double[] x = new double[ForestInput.DIMENSION];
            for (int j = 0; j < x.length; j++) {
                x[j] = random.nextDouble() * (i % 2 == 0 ? 2 : 20);
            }
            scores[i] = forest.score(x);
        }
        return scores;
    }

    @Test
    void theSameRowsAndSeedGrowTheSameForestOnAnyThreadAndAfterOtherFits() throws Exception {
        var options = new AnomalyForest.Options();
        double[] first = scores(AnomalyForest.fit(ROWS, options, 42));
        AnomalyForest.fit(ROWS, options, 9);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var elsewhere = CompletableFuture.supplyAsync(() -> scores(AnomalyForest.fit(ROWS, options, 42)), pool);
            var meanwhile = CompletableFuture.supplyAsync(() -> scores(AnomalyForest.fit(ROWS, options, 42)), pool);
            assertThat(elsewhere.get()).containsExactly(first);
            assertThat(meanwhile.get()).containsExactly(first);
        }
    }

    @Test
    void anotherSeedGrowsAnotherForest() {
        var options = new AnomalyForest.Options();

        assertThat(scores(AnomalyForest.fit(ROWS, options, 43))).isNotEqualTo(scores(AnomalyForest.fit(ROWS, options, 42)));
    }
}
