package com.marketpulse.feature.math;

import java.time.Duration;
import java.util.Objects;

/**
 * The windows of the streaming features ({@code marketpulse.features.*} in config/marketpulse.yml).
 *
 * @param priceWindow      ticks behind price mean/std, the price z-score and VWAP
 * @param volShortWindow   log returns behind the short realized volatility
 * @param volLongWindow    log returns behind the long realized volatility
 * @param robustWindow     log returns behind the median/MAD return z-score, and sizes behind the volume z-score
 * @param volumeTimeWindow event time behind traded volume and trade rate (60 buckets)
 * @param barInterval      length of a bar on market.bars
 */
public record FeatureSettings(
        int priceWindow,
        int volShortWindow,
        int volLongWindow,
        int robustWindow,
        Duration volumeTimeWindow,
        Duration barInterval) {

    public FeatureSettings {
        requireAtLeast2("price-window", priceWindow);
        requireAtLeast2("vol-short-window", volShortWindow);
        requireAtLeast2("vol-long-window", volLongWindow);
        requireAtLeast2("robust-window", robustWindow);
        Objects.requireNonNull(volumeTimeWindow, "volume-time-window");
        Objects.requireNonNull(barInterval, "bar-interval");
        if (volumeTimeWindow.compareTo(Duration.ofMillis(60)) < 0) {
            throw new IllegalArgumentException("volume-time-window must be at least 60ms: " + volumeTimeWindow);
        }
        if (barInterval.compareTo(Duration.ofMillis(1)) < 0) {
            throw new IllegalArgumentException("bar-interval must be at least 1ms: " + barInterval);
        }
    }

    /** The values of config/marketpulse.yml. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(50, 20, 200, 100, Duration.ofSeconds(60), Duration.ofMinutes(1));
    }

    private static void requireAtLeast2(String name, int window) {
        if (window < 2) {
            throw new IllegalArgumentException(name + " must be at least 2: " + window);
        }
    }
}
