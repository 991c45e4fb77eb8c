package com.marketpulse.evaluation;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.ingestion.IngestionProperties;
import com.marketpulse.simulator.SimulatorOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;

/**
 * The configuration the services run with: {@code config/marketpulse.yml} (or {@code MARKETPULSE_CONFIG}) with
 * environment variables overriding it, bound by Spring Boot's {@link Binder} into the services' own
 * configuration records. No application context is started; the binding (placeholders, relaxed names,
 * {@code @DefaultValue}s) is the one the services get, so a changed threshold is evaluated exactly as deployed.
 *
 * @param symbols   {@code marketpulse.symbols}
 * @param simulator {@code marketpulse.simulator.*}, as ingestion-service builds its simulator
 * @param features  {@code marketpulse.features.*}, the time grid, as feature-service builds it (bound with
 *                  detection-service's record of the same keys and defaults)
 * @param detection {@code marketpulse.detection.*}, detection-service's own record
 */
public record DeployedConfig(List<String> symbols, SimulatorOptions simulator, GridSettings features,
                             DetectionProperties detection) {

    /** The file the services import: {@code MARKETPULSE_CONFIG}, else {@code config/marketpulse.yml}. */
    public static Path defaultFile() {
        String configured = System.getenv("MARKETPULSE_CONFIG");
        return Path.of(configured == null || configured.isBlank() ? "config/marketpulse.yml" : configured);
    }

    /** Reads the file (the built-in defaults when it does not exist, as the services' optional import). */
    public static DeployedConfig load(Path file) {
        StandardEnvironment environment = new StandardEnvironment();
        if (Files.exists(file)) {
            try {
                for (PropertySource<?> source : new YamlPropertySourceLoader()
                        .load(file.toString(), new FileSystemResource(file))) {
                    environment.getPropertySources().addLast(source);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        Binder binder = Binder.get(environment);
        List<String> symbols = binder.bind("marketpulse.symbols", Bindable.listOf(String.class))
                .orElse(List.of("BTC/USD", "ETH/USD", "SOL/USD"));
        var simulator = binder.bindOrCreate("marketpulse.simulator", IngestionProperties.Simulator.class);
        var features = binder.bindOrCreate("marketpulse.features", MarketProperties.Features.class);
        var detection = binder.bindOrCreate("marketpulse.detection", DetectionProperties.class);
        return new DeployedConfig(symbols,
simulator.options(), features.settings(), detection);
    }
}
