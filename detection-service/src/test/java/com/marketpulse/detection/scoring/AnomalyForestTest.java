package com.marketpulse.detection.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AnomalyForestTest {

    private static AnomalyForest forest;

    @BeforeAll
    static void grow() {
        forest = AnomalyForest.fit(NormalRegime.sample(1024, 1), new AnomalyForest.Options(50, 0.5, 0));
    }

    @Test
    void scoresAPointFarFromTheTrainingDataHigherThanATypicalOne() {
        double typical = forest.score(new double[] {0.5, 0.5, 0.0, 1.0, 0.5});
        double outlier = forest.score(new double[] {8.0, 12.0, 5.0, 3.0, 8.0});

        assertThat(typical).isLessThan(0.55);
        assertThat(outlier).isGreaterThan(0.7).isGreaterThan(typical);
    }

    @Test
    void keepsItsScoresThroughTheStoredByteForm() {
        var restored = AnomalyForest.fromBytes(forest.toBytes());
        double[] point = {4.2, 8.0, 0.0, 1.5, 4.0};

        assertThat(restored.score(point)).isEqualTo(forest.score(point));
        assertThat(restored.trees()).isEqualTo(50);
    }

    @Test
    void refusesBytesThatAreNotAStoredForest() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AnomalyForest.fromBytes("not a model".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validatesItsOptions() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AnomalyForest.Options(0, 0.5, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnomalyForest.Options(10, 1.0, 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnomalyForest.Options(10, 0.5, -1));
    }

    @Test
    void refusesRowsOfTheWrongWidth() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AnomalyForest.fit(new double[][] {{1, 2}, {3, 4}}, new AnomalyForest.Options()));
    }
}
