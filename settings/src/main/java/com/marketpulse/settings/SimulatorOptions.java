package com.marketpulse.settings;

import java.time.Duration;

/**
 * Parameters of the simulated market ({@code marketpulse.simulator.*}), validated on construction. The defaults are
 * in {@code marketpulse-defaults.yml}: {@link Settings#defaults()}.
 *
 * @param tradesPerSecond      mean trade arrival rate per symbol (Poisson)
 * @param anomaliesPerHour     mean rate of injected anomalies per symbol; 0 disables random injection
 * @param jumpSigmas           size of a price spike in multiples of the current per-trade volatility
 * @param volumeMultiplier     factor on trade sizes during a volume anomaly
 * @param volatilityMultiplier factor on per-trade volatility during a volatility burst
 * @param firstAnomalyAfter    when set, a quiet warm-up: no anomaly before this, and the first symbol gets a
 *                             price spike exactly then (so a demo shows an alert quickly); {@code null} to
 *                             leave the first anomaly to chance
 * @param seed                 seed of the random stream; 0 picks a random seed (the simulator logs the one it picked)
 */
public record SimulatorOptions(
        double tradesPerSecond,
        double anomaliesPerHour,
        double jumpSigmas,
        double volumeMultiplier,
        double volatilityMultiplier,
        Duration firstAnomalyAfter,
        long seed) {

    public SimulatorOptions {
        requirePositive("tradesPerSecond", tradesPerSecond);
        if (!(anomaliesPerHour >= 0) || Double.isInfinite(anomaliesPerHour)) {
            throw new IllegalArgumentException("anomaliesPerHour must be >= 0: " + anomaliesPerHour);
        }
        requirePositive("jumpSigmas", jumpSigmas);
        requirePositive("volumeMultiplier", volumeMultiplier);
        requirePositive("volatilityMultiplier", volatilityMultiplier);
        if (firstAnomalyAfter != null && firstAnomalyAfter.isNegative()) {
            throw new IllegalArgumentException("firstAnomalyAfter must not be negative: " + firstAnomalyAfter);
        }
    }

    /** The same market without any injected anomaly: the base model alone. */
    public SimulatorOptions withoutAnomalies() {
        return new SimulatorOptions(tradesPerSecond, 0.0, jumpSigmas, volumeMultiplier, volatilityMultiplier,
                null, seed);
    }

    public SimulatorOptions withSeed(long newSeed) {
        return new SimulatorOptions(tradesPerSecond, anomaliesPerHour, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, firstAnomalyAfter, newSeed);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number: " + value);
        }
    }
}
