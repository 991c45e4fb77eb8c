package com.marketpulse.detection.scoring;

import static com.marketpulse.detection.scoring.Vectors.T0;
import static com.marketpulse.detection.scoring.Vectors.calm;
import static com.marketpulse.detection.scoring.Vectors.with;
import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.FeatureVector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        var findings = detector.detect(with(calm(T0), 5.2, 24.0, 0.5, 1.2));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(f.direction()).isEqualTo(Direction.UP);
            assertThat(f.modelVersion()).isEqualTo("bootstrap-test");
            assertThat(f.explanation()).startsWith("price +5.2σ vs 50-tick mean 100,000.00 (+0.24% in one trade, return +24.0σ robust)")
                    .contains("forest score");
        });
    }

    @Test
    void aLargeNegativeReturnIsADownwardPriceSpikeEvenNearTheMean() {
        var findings = detector.detect(with(calm(T0), -2.0, -26.0, 0.0, 1.0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.PRICE_SPIKE);
            assertThat(f.direction()).isEqualTo(Direction.DOWN);
        });
    }

    @Test
    void aFatTailedReturnThatNormalMarketsMakeDailyIsNoSpike() {
        assertThat(detector.detect(with(calm(T0), 3.0, 14.0, 0.0, 1.0))).isEmpty();
    }

    @Test
    void anUnusuallyLargeTradeIsAVolumeAnomalyExplainedInSigmas() {
        var findings = detector.detect(with(calm(T0), 0.3, 0.5, 6.5, 1.0));

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLUME_ANOMALY);
            assertThat(f.explanation()).startsWith("trade size 4675× the usual (+6.5σ, 46.75 units)");
        });
    }

    @Test
    void aRunOfLargeTradesIsAVolumeAnomalyThoughNoneIsExtremeAlone() {
        SymbolHistory history = SymbolHistory.empty();
        var largeTrade = with(calm(T0), 0.2, 0.3, 2.5, 1.0);
        double perTrade = RULES.volumeShift() * 2.5 - RULES.volumeShift() * RULES.volumeShift() / 2;
        int needed = (int) Math.ceil(RULES.volumeEvidence() / perTrade);
        List<List<Finding>> findings = feed(history, largeTrade, needed);

        assertThat(needed).isGreaterThan(2);
        assertThat(findings.subList(0, needed - 1)).as("fewer trades are not yet enough").allMatch(List::isEmpty);
        assertThat(findings.getLast()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLUME_ANOMALY);
            assertThat(f.explanation()).startsWith("trade sizes 26× the usual over the last " + needed
                    + " trades (+2.5σ on average); trade size 26× the usual (+2.5σ, 0.2579 units)");
        });
    }

    @Test
    void aRunOfReturnsFarLargerThanNormalIsAVolatilityBurst() {
        SymbolHistory history = SymbolHistory.empty();
        int needed = (int) Math.ceil(RULES.burstEvidence() / RULES.burstTradeCap());
        List<List<Finding>> findings = feed(history, with(calm(T0), -1.0, 7.0, 0.0, 2.8), needed);

        assertThat(needed).as("one jump is never enough").isGreaterThan(1);
        assertThat(findings.subList(0, needed - 1)).allMatch(List::isEmpty);
        assertThat(findings.getLast()).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLATILITY_BURST);
            assertThat(f.direction()).isEqualTo(Direction.DOWN);
            assertThat(f.explanation()).startsWith("returns of ±7.0σ on average over the last " + needed
                    + " trades (robust, this one +7.0σ); short-term volatility 2.8× long-term");
        });
    }

    @Test
    void whileABurstRecedesItsFindingsExtendItButNeverOutrankItsPeak() {
        SymbolHistory history = SymbolHistory.empty();
        List<Finding> rising = feed(history, with(calm(T0), 1.0, 7.0, 0.0, 2.8), 8).getLast();
        List<Finding> receding = feed(history, with(calm(T0.plusSeconds(30)), 1.0, 1.5, 0.0, 2.0), 1).getFirst();

        assertThat(rising).singleElement().satisfies(f -> assertThat(f.score()).isNotEqualTo(Detector.NOT_SCORED));
        assertThat(receding).singleElement().satisfies(f -> {
            assertThat(f.type()).isEqualTo(AlertType.VOLATILITY_BURST);
            assertThat(f.score()).as("the forest is asked at new peaks only").isEqualTo(Detector.NOT_SCORED);
            assertThat(f.severity()).isLessThanOrEqualTo(rising.getFirst().severity());
        });
    }

    @Test
    void oneJumpHoweverLargeIsASpikeAndNeverABurst() {
        SymbolHistory history = SymbolHistory.empty();
        List<List<Finding>> findings = feed(history, with(calm(T0), 9.0, 50.0, 0.0, 3.5), 1);
        findings.addAll(feed(history, with(calm(T0.plusSeconds(10)), 8.0, 2.0, 0.0, 3.5), 5));

        assertThat(findings.getFirst()).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE);
        assertThat(findings.subList(1, findings.size())).allMatch(List::isEmpty);
        assertThat(history.evidence().burst()).isLessThan(RULES.burstEvidence());
    }

    @Test
    void aLargeMoveInsideABurstIsTheBurstNotASpike() {
        SymbolHistory history = SymbolHistory.empty();
        feed(history, with(calm(T0), 1.0, 6.0, 0.0, 2.5), 12);
        var jump = Vectors.at(with(calm(T0), 2.0, 30.0, 0.0, 3.0), T0.plusSeconds(60));

        assertThat(detector.detect(jump)).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE);
        assertThat(detector.detect(jump, history)).extracting(Finding::type)
                .containsExactly(AlertType.VOLATILITY_BURST);
    }

    @Test
    void oneVectorCanShowSeveralKindsOfAnomalyAndMentionsTheOthers() {
        var findings = detector.detect(with(calm(T0), 6.0, 25.0, 7.0, 3.2));

        assertThat(findings).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE,
                AlertType.VOLUME_ANOMALY);
        assertThat(findings.getFirst().explanation()).contains("trade size 8955× the usual (+7.0σ").contains("volatility 3.2×");
    }

    @Test
    void aVectorBeforeWarmUpNeverAlertsHoweverExtreme() {
        var extreme = with(calm(T0), 20.0, 30.0, 10.0, 8.0);

        assertThat(detector.detect(Vectors.samples(extreme, RULES.warmUpSamples() - 1))).isEmpty();
        assertThat(detector.detect(Vectors.samples(extreme, RULES.warmUpSamples()))).isNotEmpty();
    }

    @Test
    void aRuleJustOverItsThresholdNeedsTheForestToAgree() {
        // a forest that has seen trade-size z-scores up to 10 as normal does not find 5.5 unusual
        var random = new SplittableRandom(9);
        double[][] wide = NormalRegime.sample(1024, 9);
        for (double[] row : wide) {
            row[2] = 10 * random.nextDouble();
        }
        var tolerant = new DetectorModel("wide", AnomalyForest.fit(wide, new AnomalyForest.Options(50, 0.5, 0)),
                DetectorModel.ARCHIVE, Instant.EPOCH, wide.length);
        var sceptic = new Detector(tolerant, RULES, 50);
        var borderline = with(calm(T0), 0.3, 0.5, 5.5, 1.0);
        var decisive = with(calm(T0), 0.3, 0.5, 6.5, 1.0);

        assertThat(sceptic.score(borderline)).isLessThan(RULES.forestScoreThreshold());
        assertThat(sceptic.detect(borderline)).isEmpty();
        assertThat(sceptic.detect(decisive)).extracting(Finding::type).containsExactly(AlertType.VOLUME_ANOMALY);
    }

    @Test
    void aRedeliveredVectorCountsOnce() {
        SymbolHistory once = SymbolHistory.empty();
        SymbolHistory twice = SymbolHistory.empty();
        var large = with(calm(T0), 1.0, 6.0, 2.5, 1.0);
        detector.remember(large, once);
        detector.remember(large, twice);
        List<Finding> redelivered = detector.detect(large, twice);
        detector.remember(large, twice);

        assertThat(twice.evidence()).isEqualTo(once.evidence());
        assertThat(redelivered).isEmpty();
    }

    @Test
    void aStrongerAnomalyIsMoreSevere() {
        int mild = detector.detect(with(calm(T0), 5.0, 25.5, 0.0, 1.0)).getFirst().severity();
        int strong = detector.detect(with(calm(T0), 9.0, 45.0, 0.0, 1.0)).getFirst().severity();

        assertThat(strong).isGreaterThan(mild);
    }

    /** Feeds {@code count} copies of {@code v}, a second apart, as the listener does; their findings in order. */
    private static List<List<Finding>> feed(SymbolHistory history, FeatureVector v, int count) {
        List<List<Finding>> findings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var next = Vectors.at(v, v.eventTime().plusSeconds(i));
            findings.add(detector.detect(next, history));
            detector.remember(next, history);
        }
        return findings;
    }

    @Test
    void nonFiniteFeaturesNeverMakeAFinding() {
        assertThat(detector.detect(with(calm(T0), Double.NaN, Double.NaN, Double.NaN, Double.NaN))).isEmpty();
    }
}
