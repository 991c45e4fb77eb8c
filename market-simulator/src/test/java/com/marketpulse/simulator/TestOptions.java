package com.marketpulse.simulator;

import java.time.Duration;

/**
 * The options the model's tests run with: the values the simulator was tuned and its fingerprints pinned with. What
 * ships is stated once, in the settings module's {@code marketpulse-defaults.yml}; these are test inputs, so a
 * changed default there does not move the model's tests.
 */
final class TestOptions {

    private TestOptions() {
    }

    /** Dense, classic events: 4 trades/s, 30 anomalies/h, 50σ jumps, volume ×20, volatility ×5, first spike at 20 s. */
    static SimulatorOptions dense() {
        return dense(4.0, 30.0, 50.0, 20.0, 5.0, Duration.ofSeconds(20), 0L);
    }

    /** Dense, classic events, with the given classic parameters and the usual thin and market-event settings. */
    static SimulatorOptions dense(double tradesPerSecond, double anomaliesPerHour, double jumpSigmas,
                                  double volumeMultiplier, double volatilityMultiplier, Duration firstAnomalyAfter,
                                  long seed) {
        return new SimulatorOptions(Profile.DENSE, EventStyle.CLASSIC, tradesPerSecond, anomaliesPerHour, jumpSigmas,
                volumeMultiplier, volatilityMultiplier, firstAnomalyAfter, seed, thinVenue(), marketEvents(), Duration.ZERO);
    }

    /** The thin venue with market events, otherwise as {@link #dense()}. */
    static SimulatorOptions thin() {
        return dense().withProfile(Profile.THIN, EventStyle.MARKET);
    }

    /** 150 trades a day, a quote every 1-2 s, 9 bps spread, each pair's own volatility. */
    static SimulatorOptions.Thin thinVenue() {
        return new SimulatorOptions.Thin(150, Duration.ofSeconds(1), Duration.ofSeconds(2), 9.0, 0.0);
    }

    /** One event per pair per hour: moves of 3-6 % over 1-5 min, volume 15× for 10 min, volatility 5× for 10-20 min. */
    static SimulatorOptions.MarketEvents marketEvents() {
        return new SimulatorOptions.MarketEvents(1.0, 3.0, 6.0, Duration.ofMinutes(1), Duration.ofMinutes(5), 15.0,
                Duration.ofMinutes(10), 5.0, Duration.ofMinutes(10), Duration.ofMinutes(20));
    }
}
