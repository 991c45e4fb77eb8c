package com.marketpulse.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Parameters of the simulated market ({@code marketpulse.simulator.*}), validated on construction. The shipped
 * defaults are stated once, in the settings module's {@code marketpulse-defaults.yml}
 * ({@code com.marketpulse.settings.Settings#defaults()}), which binds this record.
 *
 * @param profile              the venue imitated: {@link Profile#DENSE} (today's market) or {@link Profile#THIN}
 * @param events               how injected anomalies are defined: {@link EventStyle#CLASSIC} (per trade, dense
 *                             only) or {@link EventStyle#MARKET} (percent moves and multiples over minutes);
 *                             {@code null} (an empty setting) picks the profile's own, see {@link EventStyle#resolve}
 * @param tradesPerSecond      dense: mean trade arrival rate per symbol (Poisson)
 * @param anomaliesPerHour     classic events: mean rate of injected anomalies per symbol; 0 disables them
 * @param jumpSigmas           classic events: size of a price spike in multiples of the current per-trade volatility
 * @param volumeMultiplier     classic events: factor on trade sizes during a volume anomaly
 * @param volatilityMultiplier classic events: factor on per-trade volatility during a volatility burst
 * @param firstAnomalyAfter    when set, a quiet warm-up: no anomaly before this, and the first symbol gets a
 *                             price spike (classic) or price move (market) exactly then, so a demo shows an alert
 *                             quickly; {@code null} to leave the first anomaly to chance
 * @param seed                 seed of the random stream; 0 picks a random seed (see {@link MarketSimulator#seed()})
 * @param thin                 the thin venue's trade rate, quote cadence and spread
 * @param marketEvents         market events: rate, sizes and durations
 * @param history              how much past a live run simulates at start and publishes as minute bars only, as
 *                             Alpaca's REST bars seed a real venue, so the detector's usual levels are warm at once;
 *                             {@code null} or 0 for none
 */
public record SimulatorOptions(
        Profile profile,
        EventStyle events,
        double tradesPerSecond,
        double anomaliesPerHour,
        double jumpSigmas,
        double volumeMultiplier,
        double volatilityMultiplier,
        Duration firstAnomalyAfter,
        long seed,
        Thin thin,
        MarketEvents marketEvents,
        Duration history) {

    public SimulatorOptions {
        history = history == null ? Duration.ZERO : history;
        if (history.isNegative()) {
            throw new IllegalArgumentException("history must not be negative: " + history);
        }
        Objects.requireNonNull(profile, "profile");
        if (events == null) {
            events = EventStyle.resolve(null, profile);
        }
        Objects.requireNonNull(thin, "thin");
        Objects.requireNonNull(marketEvents, "marketEvents");
        if (profile == Profile.THIN && events == EventStyle.CLASSIC) {
            throw new IllegalArgumentException("the thin profile injects market events only (classic events are "
                    + "defined per trade): set marketpulse.simulator.events to market or leave it empty");
        }
        requirePositive("tradesPerSecond", tradesPerSecond);
        requireRate("anomaliesPerHour", anomaliesPerHour);
        requirePositive("jumpSigmas", jumpSigmas);
        requirePositive("volumeMultiplier", volumeMultiplier);
        requirePositive("volatilityMultiplier", volatilityMultiplier);
        if (firstAnomalyAfter != null && firstAnomalyAfter.isNegative()) {
            throw new IllegalArgumentException("firstAnomalyAfter must not be negative: " + firstAnomalyAfter);
        }
    }

    /**
     * The thin venue ({@code marketpulse.simulator.thin.*}).
     *
     * @param tradesPerDay      mean trades per pair per day (Poisson), ~105-130 for BTC/USD on Alpaca {@code us}
     * @param minQuoteInterval  shortest gap between two quotes of a pair
     * @param maxQuoteInterval  longest gap (gaps are uniform in between)
     * @param spreadBps         mean quoted spread in basis points of the mid (~9 on Alpaca {@code us})
     * @param annualVolatility  annualised volatility of the mid, or 0 to use each pair's own level (BTC 0.55:
     *                          0.076 % per minute)
     */
    public record Thin(double tradesPerDay, Duration minQuoteInterval, Duration maxQuoteInterval, double spreadBps,
                       double annualVolatility) {

        public Thin {
            requirePositive("thin.tradesPerDay", tradesPerDay);
            Objects.requireNonNull(minQuoteInterval, "thin.minQuoteInterval");
            Objects.requireNonNull(maxQuoteInterval, "thin.maxQuoteInterval");
            if (minQuoteInterval.compareTo(Duration.ofMillis(1)) < 0 || maxQuoteInterval.compareTo(minQuoteInterval) < 0) {
                throw new IllegalArgumentException("need 1ms <= thin.minQuoteInterval <= thin.maxQuoteInterval: "
                        + minQuoteInterval + " / " + maxQuoteInterval);
            }
            requirePositive("thin.spreadBps", spreadBps);
            requireRate("thin.annualVolatility", annualVolatility);
        }
    }

    /**
     * Events in market terms ({@code marketpulse.simulator.market-events.*}); the kind of each is drawn uniformly.
     *
     * @param perHour              mean rate per pair per hour; 0 disables random events (scheduled ones still run)
     * @param minMovePercent       smallest price move (absolute percent; the sign is drawn)
     * @param maxMovePercent       largest price move
     * @param minMoveDuration      shortest time a move takes
     * @param maxMoveDuration      longest
     * @param volumeMultiple       traded volume during a volume anomaly, as a multiple of the usual
     * @param volumeDuration       how long a volume anomaly lasts
     * @param volatilityMultiple   realized volatility during a burst, as a multiple of the usual
     * @param minBurstDuration     shortest burst
     * @param maxBurstDuration     longest burst
     */
    public record MarketEvents(double perHour, double minMovePercent, double maxMovePercent,
                               Duration minMoveDuration, Duration maxMoveDuration, double volumeMultiple,
                               Duration volumeDuration, double volatilityMultiple, Duration minBurstDuration,
                               Duration maxBurstDuration) {

        public MarketEvents {
            requireRate("market-events.perHour", perHour);
            requirePositive("market-events.minMovePercent", minMovePercent);
            if (!(maxMovePercent >= minMovePercent) || !(maxMovePercent < 100)) {
                throw new IllegalArgumentException("need market-events min-move-percent <= max-move-percent < 100: "
                        + minMovePercent + " / " + maxMovePercent);
            }
            requireRange("move", minMoveDuration, maxMoveDuration);
            requirePositive("market-events.volumeMultiple", volumeMultiple);
            requireRange("volume", volumeDuration, volumeDuration);
            requirePositive("market-events.volatilityMultiple", volatilityMultiple);
            requireRange("burst", minBurstDuration, maxBurstDuration);
        }

        public MarketEvents withPerHour(double newPerHour) {
            return new MarketEvents(newPerHour, minMovePercent, maxMovePercent, minMoveDuration, maxMoveDuration,
                    volumeMultiple, volumeDuration, volatilityMultiple, minBurstDuration, maxBurstDuration);
        }

        private static void requireRange(String name, Duration min, Duration max) {
            Objects.requireNonNull(min, name);
            Objects.requireNonNull(max, name);
            if (min.compareTo(Duration.ofSeconds(1)) < 0 || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("need 1s <= shortest <= longest " + name + " duration: " + min
                        + " / " + max);
            }
        }
    }

    /** The same market without any random anomaly (events placed with {@link MarketSimulator#schedule} still run). */
    public SimulatorOptions withoutAnomalies() {
        return new SimulatorOptions(profile, events, tradesPerSecond, 0.0, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, null, seed, thin, marketEvents.withPerHour(0.0), history);
    }

    public SimulatorOptions withSeed(long newSeed) {
        return new SimulatorOptions(profile, events, tradesPerSecond, anomaliesPerHour, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, firstAnomalyAfter, newSeed, thin, marketEvents, history);
    }

    public SimulatorOptions withProfile(Profile newProfile, EventStyle newEvents) {
        return new SimulatorOptions(newProfile, newEvents, tradesPerSecond, anomaliesPerHour, jumpSigmas,
                volumeMultiplier, volatilityMultiplier, firstAnomalyAfter, seed, thin, marketEvents, history);
    }

    public SimulatorOptions withMarketEvents(MarketEvents newMarketEvents) {
        return new SimulatorOptions(profile, events, tradesPerSecond, anomaliesPerHour, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, firstAnomalyAfter, seed, thin, newMarketEvents, history);
    }

    public SimulatorOptions withThin(Thin newThin) {
        return new SimulatorOptions(profile, events, tradesPerSecond, anomaliesPerHour, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, firstAnomalyAfter, seed, newThin, marketEvents, history);
    }

    /** The same market with its first anomaly {@code after} the start ({@code null}: left to chance). */
    public SimulatorOptions withFirstAnomalyAfter(Duration after) {
        return new SimulatorOptions(profile, events, tradesPerSecond, anomaliesPerHour, jumpSigmas, volumeMultiplier,
                volatilityMultiplier, after, seed, thin, marketEvents, history);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive finite number: " + value);
        }
    }

    private static void requireRate(String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be >= 0: " + value);
        }
    }
}
