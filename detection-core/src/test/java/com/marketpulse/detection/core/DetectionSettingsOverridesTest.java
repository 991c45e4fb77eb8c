package com.marketpulse.detection.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.BacktestCommand.Overrides;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectionSettingsOverridesTest {

    private static final Minimums ALTS = new Minimums(0.015, 0.02, 0.035, 500_000, 0.02);
    private static final Minimums MAJORS = new Minimums(0.01, 0.015, 0.025, 5_000_000, 0.01);
    private static final DetectionSettings LIVE = new DetectionSettings(Duration.ofHours(3), 4, 10, 3, 0.25,
            Duration.ofMinutes(5), Map.of(DetectionSettings.DEFAULT, ALTS, "BTC/USD", MAJORS));
    private static final DetectorModel MODEL = DetectorModel.bootstrap("test", 256, 7,
            new AnomalyForest.Options(50, 0.5, 0), Instant.EPOCH);

    @Test
    void noOverridesKeepEveryLiveValue() {
        assertThat(LIVE.overriddenBy(Overrides.NONE)).isEqualTo(LIVE);
        assertThat(LIVE.overriddenBy(null)).isSameAs(LIVE);
    }

    @Test
    void aMinimumGivenReplacesThatMinimumOfEverySymbolAndKeepsTheOthers() {
        var run = LIVE.overriddenBy(new Overrides(null, null, null, null, null, 0.05, null, null, null));

        assertThat(run.minimumsFor("BTC/USD")).isEqualTo(new Minimums(0.01, 0.05, 0.025, 5_000_000, 0.01));
        assertThat(run.minimumsFor("DOT/USD")).isEqualTo(new Minimums(0.015, 0.05, 0.035, 500_000, 0.02));
    }

    @Test
    void thresholdsAndCooldownGivenReplaceTheLiveOnes() {
        var run = LIVE.overriddenBy(new Overrides(6.0, 20.0, 5.0, Duration.ofMinutes(30), null, null, null, null,
                null));

        assertThat(run).isEqualTo(new DetectionSettings(Duration.ofHours(3), 6, 20, 5, 0.25, Duration.ofMinutes(30),
                Map.of(DetectionSettings.DEFAULT, ALTS, "BTC/USD", MAJORS)));
    }

    @Test
    void aThreePercentMoveAlertsWithLiveSettingsAndNotWithFivePercentMinimums() {
        var move = Steps.calm("DOT/USD").moved(-0.01, -0.03, -0.03).get();
        var fivePercent = LIVE.overriddenBy(new Overrides(null, null, null, null, 0.05, 0.05, 0.05, null, null));

        assertThat(new Detector(MODEL, LIVE).detect(move)).extracting(Finding::type)
                .containsExactly(AlertType.PRICE_SPIKE);
        assertThat(new Detector(MODEL, fivePercent).detect(move)).isEmpty();
    }

    @Test
    void invalidOverridesAreRefused() {
        assertThatThrownBy(() -> LIVE.overriddenBy(new Overrides(0.0, null, null, null, null, null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("moveSigmas");
        assertThatThrownBy(() -> LIVE.overriddenBy(new Overrides(null, Double.NaN, null, null, null, null, null, null,
                null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LIVE.overriddenBy(new Overrides(null, null, null, Duration.ofSeconds(-1), null, null,
                null, null, null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cooldown");
        assertThatThrownBy(() -> LIVE.overriddenBy(new Overrides(null, null, null, null, -0.01, null, null, null,
                null))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimums");
    }
}
