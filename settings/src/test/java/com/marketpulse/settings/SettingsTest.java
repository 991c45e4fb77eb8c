package com.marketpulse.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.simulator.EventStyle;
import com.marketpulse.simulator.Profile;
import com.marketpulse.simulator.SimulatorOptions;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
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
        assertThat(defaults.features()).isEqualTo(new GridSettings(Duration.ofSeconds(1), Duration.ofSeconds(60),
                Duration.ofDays(1), Duration.ofDays(7), Duration.ofHours(3)));
        Minimums majors = new Minimums(0.01, 0.015, 0.025, 5_000_000, 0.01);
        assertThat(defaults.detection()).isEqualTo(new DetectionSettings(Duration.ofHours(3), 4, 10, 3, 0.25,
                Duration.ofMinutes(5), Map.of(DetectionSettings.DEFAULT, new Minimums(0.015, 0.02, 0.035, 500_000, 0.02),
                "BTC/USD", majors, "ETH/USD", majors)));
    }

    /** A deployment that adds a symbol's minimums: DeployedConfigTest (the evaluation binds the same way). */
    @Test
    void aSymbolWithoutItsOwnMinimumsTakesTheDefaultAndAChangedKeyKeepsTheRestOfItsEntry() throws IOException {
        Path file = dir.resolve("marketpulse.yml");
        Files.writeString(file, "marketpulse.detection.minimums[BTC/USD].move-1m: 0.02\n");

        DetectionSettings detection = Settings.load(file).detection();
        DetectionSettings defaults = Settings.defaults().detection();

        assertThat(detection.minimumsFor("LTC/USD")).isEqualTo(defaults.minimumsFor(DetectionSettings.DEFAULT))
                .isEqualTo(new Minimums(0.015, 0.02, 0.035, 500_000, 0.02));
        assertThat(detection.minimumsFor("BTC/USD")).isEqualTo(new Minimums(0.02, 0.015, 0.025, 5_000_000, 0.01));
        assertThat(detection.minimumsFor("ETH/USD")).isEqualTo(defaults.minimumsFor("ETH/USD"));
        assertThat(detection.cooldown()).isEqualTo(defaults.cooldown());
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
        assertThat(deployed.features()).isEqualTo(Settings.defaults().features());
        assertThat(deployed.detection()).isEqualTo(Settings.defaults().detection());
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
            String key = stated(section, component.getName());
            assertThat(key).as(path + "." + component.getName() + " in " + Settings.DEFAULTS).isNotNull();
            if (component.getType().isRecord()) {
                assertStated(component.getType(), child(section, key), path + "." + key);
            } else if (component.getType() == Map.class
                    && component.getGenericType() instanceof ParameterizedType map
                    && map.getActualTypeArguments()[1] instanceof Class<?> value && value.isRecord()) {
                // a map of records (detection.minimums): a 'default' entry, and every entry states every component
                assertThat(child(section, key)).as(path + "." + key + " in " + Settings.DEFAULTS)
                        .containsKey(DetectionSettings.DEFAULT);
                for (String entry : child(section, key).keySet()) {
                    assertStated(value, child(child(section, key), entry), path + "." + key + "." + entry);
                }
            }
        }
    }

    /** The key of {@code section} that Boot binds to the component (relaxed: dashes and case do not count). */
    private static String stated(Map<String, Object> section, String component) {
        return section.keySet().stream().filter(key -> uniform(key).equals(uniform(component))).findFirst()
                .orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> child(Map<String, Object> section, String key) {
        return (Map<String, Object>) section.get(key);
    }

    private static String uniform(String name) {
        return name.replace("-", "").toLowerCase(java.util.Locale.ROOT);
    }

    @Test
    void relaxedNamesMatchTheRecords() {
        assertThat(List.of(stated(Map.of("replication-factor", 1), "replicationFactor"),
                stated(Map.of("move-1m", 1), "move1m"))).containsExactly("replication-factor", "move-1m");
    }
}
