package com.marketpulse.evaluation;

import com.marketpulse.detection.DetectionProperties;
import com.marketpulse.detection.MarketProperties;
import com.marketpulse.feature.grid.GridSettings;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import com.marketpulse.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The configuration the services run with: the shared defaults, {@code config/marketpulse.yml} (or
 * {@code MARKETPULSE_CONFIG}) and environment variables overriding them ({@link Settings#binder}), bound by Spring
 * Boot's {@link Binder} into the shared settings and the services' own configuration records. No application context is started; the binding (placeholders, relaxed names,
 * {@code @DefaultValue}s) is the one the services get, so a changed threshold is evaluated exactly as deployed.
 *
 * @param symbols   {@code marketpulse.symbols} (the shared settings)
 * @param simulator {@code marketpulse.simulator.*} (the shared settings), as ingestion-service runs its simulator
 * @param features  {@code marketpulse.features.*}, the time grid, as feature-service builds it (bound with
 *                  detection-service's record of the same keys and defaults)
 * @param detection {@code marketpulse.detection.*}, detection-service's own record
 */
public record DeployedConfig(List<String> symbols, SimulatorOptions simulator, GridSettings features,
                             DetectionProperties detection) {

    /** The file the services import: {@code MARKETPULSE_CONFIG}, else {@code config/marketpulse.yml}. */
    public static Path defaultFile() {
        return Settings.configFile();
    }

    /** Reads the file (the built-in defaults when it does not exist, as the services' optional import). */
    public static DeployedConfig load(Path file) {
        Binder binder = Settings.binder(file);
        MarketPulseSettings shared = Settings.bind(binder);
        var features = binder.bindOrCreate("marketpulse.features", MarketProperties.Features.class);
        var detection = binder.bindOrCreate("marketpulse.detection", DetectionProperties.class);
        return new DeployedConfig(shared.symbols(), shared.simulator(), features.settings(), detection);
    }
}
