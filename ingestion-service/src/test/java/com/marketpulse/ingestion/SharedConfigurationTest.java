package com.marketpulse.ingestion;

import com.marketpulse.simulator.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared config/marketpulse.yml binds to this service's properties with the documented defaults. */
class SharedConfigurationTest {

    static IngestionProperties bind(Path... files) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        for (Path file : files) {
            for (PropertySource<?> source : new YamlPropertySourceLoader().load(file.toString(),
                    new FileSystemResource(file))) {
                environment.getPropertySources().addLast(source);
            }
        }
        return Binder.get(environment).bindOrCreate("marketpulse", IngestionProperties.class);
    }

    static Path sharedConfig() {
        Path fromModule = Path.of("../config/marketpulse.yml");
        return Files.exists(fromModule) ? fromModule : Path.of("config/marketpulse.yml");
    }

    @Test
    void theSharedConfigurationGivesTheDemoSimulatorDefaults() throws IOException {
        IngestionProperties properties = bind(sharedConfig(), Path.of("src/main/resources/application.yml"));
        assertThat(properties.symbols()).containsExactly("BTC/USD", "ETH/USD", "SOL/USD");
        assertThat(properties.source()).isEmpty();
        assertThat(properties.simulator().tradesPerSecond()).isEqualTo(4.0);
        assertThat(properties.simulator().jumpSigmas()).isEqualTo(50.0);
        assertThat(properties.simulator().firstAnomalyAfter()).isEqualTo(Duration.ofSeconds(20));
        assertThat(properties.simulator().seed()).isZero();
        assertThat(properties.simulator().options()).as("dense, classic events, the simulator's own defaults")
                .isEqualTo(SimulatorOptions.defaults());
        assertThat(properties.kafka().partitions()).isEqualTo(3);
        assertThat(properties.alpaca().location()).isEqualTo("us");
        assertThat(properties.alpaca().streamUrl()).isEqualTo("wss://stream.data.alpaca.markets");
        assertThat(properties.alpaca().barSeed()).isEqualTo(Duration.ofHours(24));
        assertThat(properties.replay().speed()).isEqualTo("1");
        assertThat(properties.publish().bufferCapacity()).isEqualTo(100_000);
    }

    @Test
    void withoutAnyFileTheRecordDefaultsMatchTheSharedConfiguration() throws IOException {
        IngestionProperties defaults = bind();
        IngestionProperties shared = bind(sharedConfig(), Path.of("src/main/resources/application.yml"));
        assertThat(defaults.simulator()).isEqualTo(shared.simulator());
        assertThat(defaults.symbols()).isEqualTo(List.of("BTC/USD", "ETH/USD", "SOL/USD"));
    }
}
