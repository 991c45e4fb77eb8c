package com.marketpulse.dashboard.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.marketpulse.events.BacktestCommand;

class DetectorSettingsTest {

    @Test
    void movesTypedInPercentReachTheApiAsFractionsAndTheCooldownInMinutes() {
        var settings = new DetectorSettings(4.5, null, null, 10, 1.2, 5.0, 7.0, 250_000.0, 0.3);

        assertThat(settings.formFields()).containsExactly(
                java.util.Map.entry("moveSigmas", "4.5"), java.util.Map.entry("cooldown", "10m"),
                java.util.Map.entry("minMove1m", "0.012"), java.util.Map.entry("minMove5m", "0.05"),
                java.util.Map.entry("minMove15m", "0.07"), java.util.Map.entry("minNotional5m", "250000.0"),
                java.util.Map.entry("minVolatility10m", "0.003"));
        assertThat(settings.overrides()).isEqualTo(new BacktestCommand.Overrides(4.5, null, null,
                Duration.ofMinutes(10), 0.012, 0.05, 0.07, 250_000.0, 0.003));
    }

    @Test
    void emptyFieldsKeepTheLiveSettings() {
        assertThat(DetectorSettings.LIVE.formFields()).isEmpty();
        assertThat(DetectorSettings.LIVE.overrides()).isEqualTo(BacktestCommand.Overrides.NONE);
        assertThat(DetectorSettings.describe(BacktestCommand.Overrides.NONE)).isEqualTo("live settings");
    }

    @Test
    void aRunsSettingsAreDescribedInTheUnitsTheyWereTypedIn() {
        var overrides = new DetectorSettings(null, null, null, 15, null, 5.0, null, null, null).overrides();

        assertThat(DetectorSettings.describe(overrides)).isEqualTo("cooldown 15 min, min move 5m 5 %");
    }
}
