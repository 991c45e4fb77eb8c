package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorTest {

    private static final Minimums ALTS = new Minimums(0.015, 0.02, 0.035, 500_000, 0.02);
    private static final Minimums MAJORS = new Minimums(0.01, 0.015, 0.025, 5_000_000, 0.01);
    private static final DetectionSettings SETTINGS = new DetectionSettings(Duration.ofHours(3), 4, 10, 3, 0.25,
            Duration.ofMinutes(5), Map.of(DetectionSettings.DEFAULT, ALTS, "BTC/USD", MAJORS));
    private final Detector detector = new Detector(
            DetectorModel.bootstrap("test", 256, 7, new AnomalyForest.Options(50, 0.5, 0), Instant.EPOCH), SETTINGS);

    @Test
    void waitsForItsWarmUp() {
        var crash = Steps.calm("DOT/USD").moved(-0.06, -0.06, -0.06);

        assertThat(detector.detect(crash.withHistory(179).get())).isEmpty();
        assertThat(detector.detect(crash.withHistory(180).get())).extracting(Finding::type)
                .contains(AlertType.PRICE_SPIKE);
    }

    @Test
    void minimumsArePerSymbol() {
        // 1.2 % in one minute: material for BTC (1 %), not for a default coin (1.5 %)
        var move = Steps.calm("BTC/USD").usualMoves(0.0005, 0.001, 0.002).moved(0.012, 0.012, 0.012);
        var sameOnAlt = new Steps("DOT/USD", 100, 0.012, 0.012, 0.012, 0.0005, 0.001, 0.002, 0.006, 0.006, 40_000,
                200_000, 40_000, 10_000);

        assertThat(detector.detect(move.get())).extracting(Finding::type).containsExactly(AlertType.PRICE_SPIKE);
        assertThat(detector.detect(sameOnAlt.get())).isEmpty();
    }

    @Test
    void aCalmStepIsNormalToTheForestAndACrashIsNot() {
        var calm = Steps.calm("DOT/USD").get();
        var crash = Steps.calm("DOT/USD").moved(-0.06, -0.08, -0.08).swinging(0.05).traded(2e6, 8e6).get();

        assertThat(detector.score(calm)).isLessThan(0.55);
        assertThat(detector.score(crash)).isGreaterThan(0.7);
    }

    @Test
    void aBiggerFasterMoveIsMoreSevere() {
        var small = Steps.calm("DOT/USD").moved(0.005, 0.021, 0.021).get();
        var big = Steps.calm("DOT/USD").moved(-0.07, -0.08, -0.08).get();

        int smallSeverity = detector.detect(small).getFirst().severity();
        int bigSeverity = detector.detect(big).getFirst().severity();

        // the forest (a quarter of the severity) is grown at random: the rules' part alone separates them
        assertThat(smallSeverity).isBetween(40, 70);
        assertThat(bigSeverity).isGreaterThan(smallSeverity + 10);
    }
}
