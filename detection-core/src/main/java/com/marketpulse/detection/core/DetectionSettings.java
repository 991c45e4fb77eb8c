package com.marketpulse.detection.core;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * The detector's thresholds ({@code marketpulse.detection.*}).
 *
 * @param warmUp             history a symbol needs before it can raise an alert
 * @param moveSigmas         PRICE_SPIKE: the move over a horizon in multiples of its usual size for this hour
 * @param volumeMultiple     VOLUME_ANOMALY: traded value over five minutes in multiples of its usual level
 * @param volatilityMultiple VOLATILITY_BURST: 10-minute realized volatility in multiples of its usual level
 * @param forestShare        the Isolation Forest's share of an alert's severity, in [0, 1]
 * @param cooldown           findings of one symbol and type at most this far apart are one episode (one alert)
 * @param minimums           what is material, per symbol ({@code BTC/USD}), with {@code default} for the rest
 */
public record DetectionSettings(Duration warmUp, double moveSigmas, double volumeMultiple, double volatilityMultiple,
                                double forestShare, Duration cooldown, Map<String, Minimums> minimums) {

    public static final String DEFAULT = "default";

    public DetectionSettings {
        Objects.requireNonNull(warmUp, "warm-up");
        Objects.requireNonNull(cooldown, "cooldown");
        if (!(forestShare >= 0 && forestShare <= 1)) {
            throw new IllegalArgumentException("forest-share must be in [0, 1]: " + forestShare);
        }
        if (minimums == null || !minimums.containsKey(DEFAULT)) {
            throw new IllegalArgumentException("minimums need a 'default' entry");
        }
        minimums = Map.copyOf(minimums);
    }

    public Minimums minimumsFor(String symbol) {
        return minimums.getOrDefault(symbol, minimums.get(DEFAULT));
    }
}
