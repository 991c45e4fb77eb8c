package com.marketpulse.detection.scoring;

import static com.marketpulse.detection.scoring.Vectors.T0;
import static com.marketpulse.detection.scoring.Vectors.calm;
import static com.marketpulse.detection.scoring.Vectors.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static final DetectionRules RULES = DetectionRules.defaults();
    private static Detector detector;

    @BeforeAll
    static void bootstrap() {
        var model = DetectorModel.bootstrap("bootstrap-test", 1024, 3, new AnomalyForest.Options(50, 0.5, 0),
                Instant.EPOCH);
        detector = new Detector(model, RULES, 50);
    }

    @Test
    void aCalmVectorIsNotAnAnomaly() {
        assertThat(detector.detect(calm(T0))).isEmpty();
    }

    @Test
    void aPriceFarAboveItsRecentMeanIsAnUpwardPriceSpike() {
        var findings = detector.detect(with(calm(T0), 4.8, 9.0, 0.5, 1.2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(f.direction()).isEqualTo(Direction.UP);
            assertThat(f.modelVersion()).isEqualTo("bootstrap-test");
            assertThat(f.explanation()).startsWith("price +4.8σ vs 50-tick mean 100,000.00 (return +9.0σ robust)")
                    .contains("forest score");
        });
    }

    @Test
    void aLargeNegativeReturnAloneIsADownwardPriceSpike() {
        var findings = detector.detect(with(calm(T0), -2.0, -9.0, 0.0, 1.0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(f.direction()).isEqualTo(Direction.DOWN);
        });
    }

    @Test
    void anUnusuallyLargeTradeIsAVolumeAnomalyExplainedInSigmas() {
        var findings = detector.detect(with(calm(T0), 0.3, 0.5, 6.5, 1.0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLUME_ANOMALY);
            assertThat(f.explanation()).startsWith("trade size +6.5σ vs recent trades");
        });
    }

    @Test
    void shortVolatilityFarAboveLongVolatilityIsAVolatilityBurst() {
        var findings = detector.detect(with(calm(T0), -1.0, 2.0, 0.0, 3.6));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLATILITY_BURST);
            assertThat(f.direction()).isEqualTo(Direction.DOWN);
            assertThat(f.explanation()).startsWith("short-term volatility 3.6× long-term");
        });
    }

    @Test
    void oneVectorCanShowSeveralKindsOfAnomalyAndMentionsTheOthers() {
        var findings = detector.detect(with(calm(T0), 6.0, 12.0, 7.0, 3.2));

        assertThat(findings).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE,
                AlertType.VOLUME_ANOMALY, AlertType.VOLATILITY_BURST);
        assertThat(findings.getFirst().explanation()).contains("trade size +7.0σ").contains("volatility 3.2×");
    }

    @Test
    void aVectorBeforeWarmUpNeverAlertsHoweverExtreme() {
        var extreme = with(calm(T0), 20.0, 30.0, 10.0, 8.0);

        assertThat(detector.detect(Vectors.samples(extreme, RULES.warmUpSamples() - 1))).isEmpty();
        assertThat(detector.detect(Vectors.samples(extreme, RULES.warmUpSamples()))).isNotEmpty();
    }

    @Test
    void aRuleJustOverItsThresholdNeedsTheForestToAgree() {
        // a forest that has seen price z-scores (and so VWAP deviations) up to 10 as normal does not find 4.4 unusual
        var random = new SplittableRandom(9);
        double[][] wide = NormalRegime.sample(1024, 9);
        for (double[] row : wide) {
            row[0] = 10 * random.nextDouble();
            row[4] = Math.abs(row[0] + 0.5 * random.nextGaussian());
        }
        var tolerant = new DetectorModel("wide", AnomalyForest.fit(wide, new AnomalyForest.Options(50, 0.5, 0)),
                DetectorModel.ARCHIVE, Instant.EPOCH, wide.length);
        var sceptic = new Detector(tolerant, RULES, 50);
        var borderline = with(calm(T0), 4.4, 0.5, 0.0, 1.0);
        var decisive = with(calm(T0), 5.5, 0.5, 0.0, 1.0);

        assertThat(sceptic.score(borderline)).isLessThan(RULES.forestScoreThreshold());
        assertThat(sceptic.detect(borderline)).isEmpty();
        assertThat(sceptic.detect(decisive)).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE);
    }

    @Test
    void aStrongerAnomalyIsMoreSevere() {
        int mild = detector.detect(with(calm(T0), 4.2, 6.5, 0.0, 1.0)).getFirst().severity();
        int strong = detector.detect(with(calm(T0), 9.0, 20.0, 0.0, 1.0)).getFirst().severity();

        assertThat(strong).isGreaterThan(mild);
    }

    @Test
    void nonFiniteFeaturesNeverMakeAFinding() {
        assertThat(detector.detect(with(calm(T0), Double.NaN, Double.NaN, Double.NaN, Double.NaN))).isEmpty();
    }
}
