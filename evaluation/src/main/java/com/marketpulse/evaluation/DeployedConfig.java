package com.marketpulse.evaluation;

import com.marketpulse.detection.DetectionServiceProperties;
import com.marketpulse.settings.MarketPulseSettings;
import com.marketpulse.settings.Settings;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * The configuration the services run with: the shared defaults, {@code config/marketpulse.yml} (or
 * {@code MARKETPULSE_CONFIG}) and environment variables overriding them ({@link Settings#binder}), bound by Spring
 * Boot's {@link Binder} into the shared settings and detection-service's own model record. No application context is
 * started; the binding (placeholders, relaxed names, defaults) is the one the services get, so a changed threshold is
 * evaluated exactly as deployed.
 *
 * @param settings the shared settings: symbols, simulator (as ingestion-service runs it), the feature grid (as
 *                 feature-service computes it) and the detector's thresholds (as detection-service judges)
 * @param model    {@code marketpulse.detection.model.*}: the forest as detection-service grows it
 */
public record DeployedConfig(MarketPulseSettings settings, DetectionServiceProperties.Model model) {

    /** The file the services import: {@code MARKETPULSE_CONFIG}, else {@code config/marketpulse.yml}. */
    public static Path defaultFile() {
        return Settings.configFile();
    }

    /** Reads the file (the built-in defaults when it does not exist, as the services' optional import). */
    public static DeployedConfig load(Path file) {
        Binder binder = Settings.binder(file);
        var service = binder.bindOrCreate("marketpulse.detection", DetectionServiceProperties.class);
        return new DeployedConfig(Settings.bind(binder), service.model());
    }
}
