package com.marketpulse.detection.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NormalRegimeTest {

    @Test
    void theSameSeedGivesTheSamePoints() {
        assertThat(NormalRegime.sample(100, 42)).isDeepEqualTo(NormalRegime.sample(100, 42));
        assertThat(NormalRegime.sample(100, 42)).isNotEqualTo(NormalRegime.sample(100, 43));
    }

    @Test
    void samplesACalmMarket() {
        double[][] rows = NormalRegime.sample(20_000, 5);

        assertThat(median(rows, 3)).as("volatility ratio").isCloseTo(1.0, within(0.02));
        assertThat(mean(rows, 2)).as("volume z").isCloseTo(0.0, within(0.05));
        assertThat(Arrays.stream(rows).mapToDouble(r -> r[0]).max().orElseThrow()).as("|price z|")
                .isLessThan(8.0).isGreaterThanOrEqualTo(0.0);
    }

    private static double mean(double[][] rows, int column) {
        return Arrays.stream(rows).mapToDouble(r -> r[column]).average().orElseThrow();
    }

    private static double median(double[][] rows, int column) {
        double[] values = Arrays.stream(rows).mapToDouble(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
