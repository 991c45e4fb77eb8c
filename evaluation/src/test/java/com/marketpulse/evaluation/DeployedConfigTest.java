package com.marketpulse.evaluation;

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
    void aMissingFileGivesTheServicesBuiltInDefaults() {
        DeployedConfig config = DeployedConfig.load(dir.resolve("absent.yml"));

        assertThat(config.symbols()).isEqualTo(List.of("BTC/USD", "ETH/USD", "SOL/USD"));
        assertThat(config.features().volLongWindow()).isEqualTo(200);
        assertThat(config.simulator().tradesPerSecond()).isEqualTo(4.0);
        assertThat(config.detection().warmUpSamples()).isEqualTo(50);
    }
}
