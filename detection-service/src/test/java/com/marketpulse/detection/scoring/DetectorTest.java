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

    /** Vectors here are decisive (rule strength ≥ 1.25) unless a test is about the forest: Smile's forests vary. */
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
    void anIsolatedLargeUpwardReturnIsAnUpwardPriceSpike() {
        var findings = detector.detect(with(calm(T0), 5.2, 14.0, 0.5, 1.2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(f.direction()).isEqualTo(Direction.UP);
            assertThat(f.modelVersion()).isEqualTo("bootstrap-test");
            assertThat(f.explanation()).startsWith("price +5.2σ vs 50-tick mean 100,000.00 (return +14.0σ robust)")
                    .contains("forest score");
        });
    }

    @Test
    void aLargeNegativeReturnIsADownwardPriceSpikeEvenNearTheMean() {
        var findings = detector.detect(with(calm(T0), -2.0, -16.0, 0.0, 1.0));

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
        var findings = detector.detect(with(calm(T0), 6.0, 13.0, 7.0, 3.2));

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
        // a forest that has seen trade-size z-scores up to 10 as normal does not find 5.0 unusual
        var random = new SplittableRandom(9);
        double[][] wide = NormalRegime.sample(1024, 9);
        for (double[] row : wide) {
            row[2] = 10 * random.nextDouble();
        }
        var tolerant = new DetectorModel("wide", AnomalyForest.fit(wide, new AnomalyForest.Options(50, 0.5, 0)),
                DetectorModel.ARCHIVE, Instant.EPOCH, wide.length);
        var sceptic = new Detector(tolerant, RULES, 50);
        var borderline = with(calm(T0), 0.3, 0.5, 5.0, 1.0);
        var decisive = with(calm(T0), 0.3, 0.5, 6.0, 1.0);

        assertThat(sceptic.score(borderline)).isLessThan(RULES.forestScoreThreshold());
        assertThat(sceptic.detect(borderline)).isEmpty();
        assertThat(sceptic.detect(decisive)).extracting(Finding::type).containsExactly(AlertType.VOLUME_ANOMALY);
    }

    @Test
    void aLargeReturnAmongOtherLargeReturnsIsAVolatilityBurstNotAPriceSpike() {
        SymbolHistory history = SymbolHistory.empty();
        for (int i = 0; i < 4; i++) {
            history.record(Vectors.at(with(calm(T0), 1.0, i % 2 == 0 ? 6.0 : -6.0, 0.0, 1.0), T0.plusSeconds(i)));
        }
        var next = Vectors.at(with(calm(T0), 2.0, 16.0, 0.0, 1.0), T0.plusSeconds(5));

        assertThat(detector.detect(next)).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE);
        assertThat(detector.detect(next, history)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLATILITY_BURST);
            assertThat(f.explanation()).startsWith("5 returns beyond 4.5σ in the last 11 ticks (this one +16.0σ)");
        });
    }

    @Test
    void aRunOfLargeTradesIsAVolumeAnomalyThoughNoneIsExtremeAlone() {
        SymbolHistory history = SymbolHistory.empty();
        var largeTrade = with(calm(T0), 0.2, 0.3, 2.6, 1.0);
        for (int i = 0; i < 3; i++) {
            history.record(Vectors.at(largeTrade, T0.plusSeconds(i)));
        }
        var next = Vectors.at(largeTrade, T0.plusSeconds(3));

        assertThat(detector.detect(next)).isEmpty();
        assertThat(detector.detect(next, history)).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLUME_ANOMALY);
            assertThat(f.explanation()).startsWith("trade size +2.6σ").contains("last 4 trades +2.6σ on average");
        });
    }

    @Test
    void aRedeliveredVectorIsRememberedOnce() {
        SymbolHistory history = SymbolHistory.empty();
        var large = with(calm(T0), 1.0, 6.0, 0.0, 1.0);
        for (int i = 0; i < 4; i++) {
            history.record(large);
        }

        assertThat(history.largeReturns(RULES.clusterReturnZ())).isEqualTo(1);
    }

    @Test
    void aStrongerAnomalyIsMoreSevere() {
        int mild = detector.detect(with(calm(T0), 5.0, 15.5, 0.0, 1.0)).getFirst().severity();
        int strong = detector.detect(with(calm(T0), 9.0, 30.0, 0.0, 1.0)).getFirst().severity();

        assertThat(strong).isGreaterThan(mild);
    }

    @Test
    void nonFiniteFeaturesNeverMakeAFinding() {
        assertThat(detector.detect(with(calm(T0), Double.NaN, Double.NaN, Double.NaN, Double.NaN))).isEmpty();
    }
}
