package com.marketpulse.evaluation;

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
                    price-window: 30
                    volume-time-window: 2m
                  detection:
                    volume-z-threshold: 7.5
                    cooldown: 90s
                """);

        DeployedConfig config = DeployedConfig.load(file);

        assertThat(config.symbols()).containsExactly("DOGE/USD", "LTC/USD");
        assertThat(config.simulator().anomaliesPerHour()).isEqualTo(12.5);
        assertThat(config.simulator().firstAnomalyAfter()).isEqualTo(Duration.ofSeconds(45));
        assertThat(config.features().priceWindow()).isEqualTo(30);
        assertThat(config.features().volumeTimeWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(config.detection().rules().volumeZThreshold()).isEqualTo(7.5);
        assertThat(config.detection().cooldown()).isEqualTo(Duration.ofSeconds(90));
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

        assertThat(config.simulator().profile()).isEqualTo(Profile.THIN);
        assertThat(config.simulator().events()).as("the thin profile's own").isEqualTo(EventStyle.MARKET);
        assertThat(config.simulator().thin().tradesPerDay()).isEqualTo(120.0);
        assertThat(config.simulator().thin().maxQuoteInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.simulator().marketEvents().perHour()).isEqualTo(0.5);
        assertThat(config.simulator().marketEvents().volumeMultiple()).isEqualTo(10.0);
        assertThat(config.simulator().marketEvents().maxMoveDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void aMissingFileGivesTheServicesBuiltInDefaults() {
        DeployedConfig config = DeployedConfig.load(dir.resolve("absent.yml"));

        assertThat(config.symbols()).isEqualTo(List.of("BTC/USD", "ETH/USD", "SOL/USD"));
        assertThat(config.features().volLongWindow()).isEqualTo(200);
        assertThat(config.simulator().tradesPerSecond()).isEqualTo(4.0);
        assertThat(config.simulator().profile()).isEqualTo(Profile.DENSE);
        assertThat(config.detection().warmUpSamples()).isEqualTo(50);
    }
}
