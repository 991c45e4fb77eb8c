package com.marketpulse.evaluation;

import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DeployedConfigTest {

    @TempDir
    Path dir;

    @Test
    void readsThresholdsWindowsAndSimulatorFromTheSharedFileWithPlaceholders() throws IOException {
        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, """
                marketpulse:
                  symbols: ${MARKETPULSE_EVALUATION_TEST_UNSET:DOGE/USD,LTC/USD}
                  simulator:
                    anomalies-per-hour: 12.5
                    first-anomaly-after: 45s
                  features:
                    warm-up: 2h
                    quote-stale-after: 2m
                  detection:
                    move-sigmas: 7.5
                    cooldown: 90s
                    minimums:
                      "[DOGE/USD]":
                        move-1m: 0.03
                        move-5m: 0.04
                        move-15m: 0.05
                        notional-5m: 100000
                        volatility-10m: 0.03
                """);

        DeployedConfig config = DeployedConfig.load(file);

        assertThat(config.settings().symbols()).containsExactly("DOGE/USD", "LTC/USD");
        assertThat(config.settings().simulator().anomaliesPerHour()).isEqualTo(12.5);
        assertThat(config.settings().simulator().firstAnomalyAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.settings().features().warmUp()).isEqualTo(Duration.ofHours(2));
        assertThat(config.settings().features().quoteStaleAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.settings().detection().moveSigmas()).isEqualTo(7.5);
        assertThat(config.settings().detection().minimumsFor("DOGE/USD").move5m()).isEqualTo(0.04);
        assertThat(config.settings().detection().minimumsFor("LTC/USD").move5m()).isEqualTo(0.02);
        assertThat(config.settings().detection().minimumsFor("BTC/USD").move5m())
                .as("the defaults' per-symbol entries stay").isEqualTo(0.015);
        assertThat(config.settings().detection().cooldown()).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void readsTheThinProfileAndItsMarketEvents() throws IOException {
        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, """
                marketpulse:
                  simulator:
                    profile: thin
                    thin:
                      trades-per-day: 120
                    market-events:
                      per-hour: 0.5
                      volume-multiple: 10
                """);

        DeployedConfig config = DeployedConfig.load(file);

        assertThat(config.settings().simulator().profile()).isEqualTo(Profile.THIN);
        assertThat(config.settings().simulator().events()).as("the thin profile's own").isEqualTo(EventStyle.MARKET);
        assertThat(config.settings().simulator().thin().tradesPerDay()).isEqualTo(120.0);
        assertThat(config.settings().simulator().thin().maxQuoteInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.settings().simulator().marketEvents().perHour()).isEqualTo(0.5);
        assertThat(config.settings().simulator().marketEvents().volumeMultiple()).isEqualTo(10.0);
        assertThat(config.settings().simulator().marketEvents().maxMoveDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aMissingFileGivesTheServicesBuiltInDefaults() {
        DeployedConfig config = DeployedConfig.load(dir.resolve("absent.yml"));

        assertThat(config.settings().symbols()).isEqualTo(List.of("BTC/USD", "ETH/USD", "SOL/USD"));
        assertThat(config.settings()).isEqualTo(Settings.defaults());
        assertThat(config.settings().simulator().tradesPerSecond()).isEqualTo(4.0);
        assertThat(config.settings().simulator().profile()).isEqualTo(Profile.DENSE);
        assertThat(config.settings().detection().warmUp()).isEqualTo(Duration.ofHours(3));
        assertThat(config.model().rows()).isEqualTo(512);
    }
}
