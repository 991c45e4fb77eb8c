package com.marketpulse.detection.core;

import com.marketpulse.events.BacktestCommand;
import java.time.Duration;
import java.util.HashMap;
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

    /**
     * These settings as one backtest run asked to change them: each {@code null} keeps this value; a minimum given
     * replaces that minimum of every symbol (the run asks "what if I only wanted moves of 5 %", whatever the
     * symbol). Invalid values (not positive, a negative cooldown) are refused with an
     * {@link IllegalArgumentException}.
     */
    public DetectionSettings overriddenBy(BacktestCommand.Overrides o) {
        if (o == null) {
            return this;
        }
        Map<String, Minimums> changed = new HashMap<>();
        minimums.forEach((symbol, m) -> changed.put(symbol, new Minimums(or(o.minMove1m(), m.move1m()),
                or(o.minMove5m(), m.move5m()), or(o.minMove15m(), m.move15m()), or(o.minNotional5m(), m.notional5m()),
                or(o.minVolatility10m(), m.volatility10m()))));
        return new DetectionSettings(warmUp, positive("moveSigmas", or(o.moveSigmas(), moveSigmas)),
                positive("volumeMultiple", or(o.volumeMultiple(), volumeMultiple)),
                positive("volatilityMultiple", or(o.volatilityMultiple(), volatilityMultiple)), forestShare,
                o.cooldown() == null ? cooldown : nonNegative(o.cooldown()), changed);
    }

    private static double or(Double override, double live) {
        return override == null ? live : override;
    }

    private static double positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be positive and finite: " + value);
        }
        return value;
    }

    private static Duration nonNegative(Duration cooldown) {
        if (cooldown.isNegative()) {
            throw new IllegalArgumentException("cooldown must not be negative: " + cooldown);
        }
        return cooldown;
    }
}
