package com.marketpulse.settings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

/**
 * Reads the shared settings the way the services do: the defaults file, then the deployment's file, then system
 * properties and environment variables (placeholders resolved, relaxed names). Services get the same layering from
 * {@code spring.config.import: classpath:marketpulse-defaults.yml, optional:file:...} and bind with {@link #bind}.
 */
public final class Settings {

    /** The defaults on the classpath; imported by every service before {@code config/marketpulse.yml}. */
    public static final String DEFAULTS = "marketpulse-defaults.yml";

    private Settings() {
    }

    /** The file the services import: {@code MARKETPULSE_CONFIG}, else {@code config/marketpulse.yml}. */
    public static Path configFile() {
        String configured = System.getenv("MARKETPULSE_CONFIG");
        return Path.of(configured == null || configured.isBlank() ? "config/marketpulse.yml" : configured);
    }

    /** The shared settings as bound from a service's (or any) environment. */
    public static MarketPulseSettings bind(Binder binder) {
        return binder.bind(MarketPulseSettings.PREFIX, MarketPulseSettings.class)
                .orElseThrow(() -> new IllegalStateException("no " + MarketPulseSettings.PREFIX + ".* settings: is "
                        + DEFAULTS + " imported (spring.config.import)?"));
    }

    /** The defaults, environment included but no configuration file. */
    public static MarketPulseSettings defaults() {
        return bind(binder(null));
    }

    /** The settings as deployed with {@code file} (missing file: the defaults, like the services' optional import). */
    public static MarketPulseSettings load(Path file) {
        return bind(binder(file));
    }

    /**
     * A binder over the environment, then {@code file} (when it exists), then the defaults: for the launcher and the
     * evaluation, which bind without an application context, and for other sections of the same file.
     */
    public static Binder binder(Path file) {
        ConfigurableEnvironment environment = new StandardEnvironment();
        try {
            if (file != null && Files.exists(file)) {
                for (PropertySource<?> source : new YamlPropertySourceLoader()
                        .load(file.toString(), new FileSystemResource(file))) {
                    environment.getPropertySources().addLast(source);
                }
            }
            for (PropertySource<?> source : new YamlPropertySourceLoader()
                    .load(DEFAULTS, new ClassPathResource(DEFAULTS, Settings.class.getClassLoader()))) {
                environment.getPropertySources().addLast(source);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the settings", e);
        }
        return Binder.get(environment);
    }
}
