package com.marketpulse.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import com.marketpulse.simulator.SimulatorOptions;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.core.io.ClassPathResource;
import org.yaml.snakeyaml.Yaml;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void theDefaultsFileGivesTheShippedDefaults() {
        MarketPulseSettings defaults = Settings.defaults();

        assertThat(defaults.symbols()).containsExactly("BTC/USD", "ETH/USD", "SOL/USD");
        assertThat(defaults.kafka()).isEqualTo(new MarketPulseSettings.Kafka(3, (short) 1));
        assertThat(defaults.simulator()).isEqualTo(new SimulatorOptions(Profile.DENSE, EventStyle.MARKET, 4.0, 30.0,
                50.0, 20.0, 5.0, Duration.ofSeconds(20), 0L,
                new SimulatorOptions.Thin(150, Duration.ofSeconds(1), Duration.ofSeconds(2), 9.0, 0.0),
                new SimulatorOptions.MarketEvents(1.0, 3.0, 6.0, Duration.ofMinutes(1), Duration.ofMinutes(5), 15.0,
                        Duration.ofMinutes(10), 5.0, Duration.ofMinutes(10), Duration.ofMinutes(20)),
                Duration.ofHours(4)));
    }

    @Test
    void anEmptyEventStyleIsTheProfilesOwn() throws IOException {
        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, """
                marketpulse:
                  simulator:
                    profile: thin
                    events:
                    thin:
                      trades-per-day: 100
                """);

        SimulatorOptions thin = Settings.load(file).simulator();

        assertThat(thin.profile()).isEqualTo(Profile.THIN);
        assertThat(thin.events()).isEqualTo(EventStyle.MARKET);
        assertThat(thin.thin().tradesPerDay()).isEqualTo(100);
        assertThat(thin.thin().spreadBps()).isEqualTo(9.0);
        assertThat(Settings.defaults().simulator().events()).as("shipped: market events on the dense profile too")
                .isEqualTo(EventStyle.MARKET);
    }

    @Test
    void theDeploymentFileOverridesOnlyWhatItStates() throws IOException {
        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, """
                marketpulse:
                  kafka:
                    partitions: 6
                  simulator:
                    anomalies-per-hour: 12.5
                """);

        MarketPulseSettings settings = Settings.load(file);

        assertThat(settings.kafka()).isEqualTo(new MarketPulseSettings.Kafka(6, (short) 1));
        assertThat(settings.simulator().anomaliesPerHour()).isEqualTo(12.5);
        assertThat(settings.simulator().tradesPerSecond()).isEqualTo(4.0);
        assertThat(settings.symbols()).isEqualTo(Settings.defaults().symbols());
    }

    @Test
    void theRepositorysConfigurationStatesThePartitionsOnceAndKeepsTheOtherDefaults() {
        MarketPulseSettings deployed = Settings.load(Path.of("../config/marketpulse.yml"));

        assertThat(deployed.kafka().partitions()).isEqualTo(3);
        assertThat(deployed.simulator()).isEqualTo(Settings.defaults().simulator());
        assertThat(Settings.binder(Path.of("../config/marketpulse.yml"))
                .bind("marketpulse.kafka.partitions", Bindable.of(Integer.class)).get()).isEqualTo(3);
    }

    /** So that a new shared setting is one record component and one line in the defaults file, never a silent 0. */
    @Test
    void everyComponentOfTheSettingsHasItsDefaultInTheDefaultsFile() throws IOException {
        Map<String, Object> yaml;
        try (var in = new ClassPathResource(Settings.DEFAULTS).getInputStream()) {
            yaml = new Yaml().load(in);
        }
        assertStated(MarketPulseSettings.class, child(yaml, MarketPulseSettings.PREFIX), MarketPulseSettings.PREFIX);
    }

    private static void assertStated(Class<?> record, Map<String, Object> section, String path) {
        for (RecordComponent component : record.getRecordComponents()) {
            String key = kebab(component.getName());
            assertThat(section).as(path + "." + key + " in " + Settings.DEFAULTS).containsKey(key);
            if (component.getType().isRecord()) {
                assertStated(component.getType(), child(section, key), path + "." + key);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> section, String key) {
        return (Map<String, Object>) section.get(key);
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    @Test
    void kebabNamesMatchTheRecords() {
        assertThat(List.of(kebab("replicationFactor"), kebab("firstAnomalyAfter"))).containsExactly(
                "replication-factor", "first-anomaly-after");
    }
}
