package com.marketpulse.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.core.DetectionSettings;
import com.marketpulse.detection.core.Minimums;
import com.marketpulse.feature.grid.GridSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/**
 * The shared config/marketpulse.yml binds to our properties (the detection keys onto detection-core's settings, the
 * grid keys onto feature-math's) and documents the same defaults as the code.
 */
class SharedConfigTest {

    private static Binder binder() throws IOException {
        var sources = new YamlPropertySourceLoader().load("marketpulse",
                new FileSystemResource(Path.of("..", "config", "marketpulse.yml")));
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    @Test
    void theSharedDetectionSectionBindsToTheCoreSettingsWithPerSymbolMinimums() throws IOException {
        DetectionProperties properties = binder().bind("marketpulse.detection", DetectionProperties.class).get();
        DetectionSettings settings = properties.settings();

        assertThat(settings.warmUp()).isEqualTo(Duration.ofHours(3));
        assertThat(settings.moveSigmas()).isEqualTo(4);
        assertThat(settings.volumeMultiple()).isEqualTo(10);
        assertThat(settings.volatilityMultiple()).isEqualTo(3);
        assertThat(settings.forestShare()).isEqualTo(0.25);
        assertThat(settings.cooldown()).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.minimumsFor("DOGE/USD")).isEqualTo(new Minimums(0.015, 0.02, 0.035, 500_000, 0.02))
                .isEqualTo(DetectionProperties.DEFAULT_MINIMUMS);
        assertThat(settings.minimumsFor("BTC/USD")).isEqualTo(new Minimums(0.01, 0.015, 0.025, 5_000_000, 0.01));
        assertThat(settings.minimumsFor("ETH/USD")).isEqualTo(settings.minimumsFor("BTC/USD"));
        assertThat(properties.model().rows()).isEqualTo(512);
        assertThat(properties.model().trees()).isEqualTo(100);
        assertThat(properties.model().retrainInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(properties.archive().directory()).isEqualTo(Path.of("data", "archive"));
        assertThat(properties.archive().maxTicksPerFile()).isEqualTo(100_000);
    }

    @Test
    void theDefaultsInCodeAreTheDocumentedOnes() throws IOException {
        DetectionProperties documented = binder().bind("marketpulse.detection", DetectionProperties.class).get();
        DetectionProperties defaults = new Binder().bindOrCreate("marketpulse.detection", DetectionProperties.class);

        assertThat(defaults.settings().minimumsFor(DetectionSettings.DEFAULT))
                .isEqualTo(documented.settings().minimumsFor(DetectionSettings.DEFAULT));
        assertThat(new DetectionSettings(defaults.warmUp(), defaults.moveSigmas(), defaults.volumeMultiple(),
                defaults.volatilityMultiple(), defaults.forestShare(), defaults.cooldown(), Map.of("default",
                DetectionProperties.DEFAULT_MINIMUMS))).isEqualTo(new DetectionSettings(documented.warmUp(),
                documented.moveSigmas(), documented.volumeMultiple(), documented.volatilityMultiple(),
                documented.forestShare(), documented.cooldown(), Map.of("default",
                DetectionProperties.DEFAULT_MINIMUMS)));
    }

    @Test
    void theSharedFeatureGridBindsToTheDefaults() throws IOException {
        MarketProperties market = binder().bind("marketpulse", MarketProperties.class).get();

        assertThat(market.features().settings()).isEqualTo(GridSettings.defaults());
    }
}
