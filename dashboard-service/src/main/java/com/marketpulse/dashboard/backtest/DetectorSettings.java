package com.marketpulse.dashboard.backtest;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.marketpulse.events.BacktestCommand;

/**
 * The detector settings a person types on the Backtest page, in the units a person thinks in (moves in percent,
 * the cooldown in minutes); each {@code null} keeps the live value. The API takes fractions (0.05 = 5 %).
 */
public record DetectorSettings(@Nullable Double moveSigmas, @Nullable Double volumeMultiple,
                               @Nullable Double volatilityMultiple, @Nullable Integer cooldownMinutes,
                               @Nullable Double minMove1mPercent, @Nullable Double minMove5mPercent,
                               @Nullable Double minMove15mPercent, @Nullable Double minNotional5m,
                               @Nullable Double minVolatility10mPercent) {

    public static final DetectorSettings LIVE = new DetectorSettings(null, null, null, null, null, null, null, null,
            null);

    /** The overrides of an archive request. */
    public BacktestCommand.Overrides overrides() {
        return new BacktestCommand.Overrides(moveSigmas, volumeMultiple, volatilityMultiple,
                cooldownMinutes == null ? null : Duration.ofMinutes(cooldownMinutes), fraction(minMove1mPercent),
                fraction(minMove5mPercent), fraction(minMove15mPercent), minNotional5m,
                fraction(minVolatility10mPercent));
    }

    /** The same as the upload form's fields (named as the JSON keys); unset ones are left out. */
    public Map<String, String> formFields() {
        var overrides = overrides();
        var fields = new LinkedHashMap<String, String>();
        put(fields, "moveSigmas", overrides.moveSigmas());
        put(fields, "volumeMultiple", overrides.volumeMultiple());
        put(fields, "volatilityMultiple", overrides.volatilityMultiple());
        if (cooldownMinutes != null) {
            fields.put("cooldown", cooldownMinutes + "m");
        }
        put(fields, "minMove1m", overrides.minMove1m());
        put(fields, "minMove5m", overrides.minMove5m());
        put(fields, "minMove15m", overrides.minMove15m());
        put(fields, "minNotional5m", overrides.minNotional5m());
        put(fields, "minVolatility10m", overrides.minVolatility10m());
        return fields;
    }

    private static void put(Map<String, String> fields, String name, @Nullable Double value) {
        if (value != null) {
            fields.put(name, Double.toString(value));
        }
    }

    /** Percent to a fraction, rounded to the percent's own precision (5 % is 0.05, not 0.05000000000000001). */
    private static @Nullable Double fraction(@Nullable Double percent) {
        return percent == null ? null
                : new java.math.BigDecimal(Double.toString(percent)).movePointLeft(2).doubleValue();
    }

    /** What differs from the live settings, for a run's row ("min move 5m 5 %, cooldown 10 min"). */
    public static String describe(BacktestCommand.@Nullable Overrides overrides) {
        if (overrides == null) {
            return "live settings";
        }
        var parts = new java.util.ArrayList<String>();
        add(parts, "move", overrides.moveSigmas(), 0, "σ");
        add(parts, "traded value", overrides.volumeMultiple(), 0, "× usual");
        add(parts, "volatility", overrides.volatilityMultiple(), 0, "× usual");
        if (overrides.cooldown() != null) {
            parts.add("cooldown " + overrides.cooldown().toMinutes() + " min");
        }
        add(parts, "min move 1m", overrides.minMove1m(), 2, "%");
        add(parts, "min move 5m", overrides.minMove5m(), 2, "%");
        add(parts, "min move 15m", overrides.minMove15m(), 2, "%");
        add(parts, "min traded 5m $", overrides.minNotional5m(), 0, "");
        add(parts, "min volatility 10m", overrides.minVolatility10m(), 2, "%");
        return parts.isEmpty() ? "live settings" : String.join(", ", parts);
    }

    /** "min move 5m 5 %": the value with its decimal point moved right by {@code shift} (2 for a percent). */
    private static void add(java.util.List<String> parts, String label, @Nullable Double value, int shift,
                            String unit) {
        if (value != null) {
            String number = new java.math.BigDecimal(Double.toString(value)).movePointRight(shift)
                    .stripTrailingZeros().toPlainString();
            parts.add(label + " " + number + (unit.isEmpty() ? "" : " " + unit));
        }
    }
}
