package com.marketpulse.detection;

import static org.assertj.core.api.Assertions.assertThat;

import com.marketpulse.detection.scoring.DetectionRules;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

/** The shared config/marketpulse.yml binds to our properties and documents the same defaults as the code. */
class SharedConfigTest {

    private static Binder binder() throws IOException {
        var sources = new YamlPropertySourceLoader().load("marketpulse",
                new FileSystemResource(Path.of("..", "config", "marketpulse.yml")));
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources));
    }

    @Test
    void theSharedDetectionSectionBindsToTheDocumentedDefaults() throws IOException {
        DetectionProperties properties = binder().bind("marketpulse.detection", DetectionProperties.class).get();

        assertThat(properties.rules()).isEqualTo(DetectionRules.defaults());
        assertThat(properties.cooldown()).isEqualTo(Duration.ofSeconds(60));
        assertThat(properties.model().rows()).isEqualTo(512);
        assertThat(properties.model().trees()).isEqualTo(100);
        assertThat(properties.model().retrainInterval()).isEqualTo(Duration.ofHours(6));
        assertThat(properties.archive().directory()).isEqualTo(Path.of("data", "archive"));
        assertThat(properties.archive().maxTicksPerFile()).isEqualTo(100_000);
    }

    @Test
    void theSharedFeatureWindowsBind() throws IOException {
        MarketProperties market = binder().bind("marketpulse", MarketProperties.class).get();

        assertThat(market.features().priceWindow()).isEqualTo(50);
        assertThat(market.features().volLongWindow()).isEqualTo(200);
    }
}
