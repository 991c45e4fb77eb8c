package com.marketpulse.api.backtest;

import java.time.Duration;
import java.util.Locale;

import com.marketpulse.api.web.ApiException;
import com.marketpulse.events.BacktestCommand;

/** Checks a run's detector overrides and reads them from form fields (an upload's multipart request). */
final class Overriding {

    static final Duration MAX_COOLDOWN = Duration.ofDays(1);

    private Overriding() {
    }

    /** The overrides as given, or none; 400 naming the first value out of range. */
    static BacktestCommand.Overrides check(BacktestCommand.Overrides given) {
        if (given == null) {
            return BacktestCommand.Overrides.NONE;
        }
        positive("moveSigmas", given.moveSigmas(), Double.MAX_VALUE);
        positive("volumeMultiple", given.volumeMultiple(), Double.MAX_VALUE);
        positive("volatilityMultiple", given.volatilityMultiple(), Double.MAX_VALUE);
        fraction("minMove1m", given.minMove1m());
        fraction("minMove5m", given.minMove5m());
        fraction("minMove15m", given.minMove15m());
        fraction("minVolatility10m", given.minVolatility10m());
        positive("minNotional5m", given.minNotional5m(), Double.MAX_VALUE);
        if (given.cooldown() != null && (given.cooldown().isNegative() || given.cooldown().isZero()
                || given.cooldown().compareTo(MAX_COOLDOWN) > 0)) {
            throw ApiException.badRequest("'cooldown' must be more than 0 and at most " + MAX_COOLDOWN
                    + ", got " + given.cooldown() + ".");
        }
        return given;
    }

    /** Reads the form fields named as the JSON keys; each absent or blank keeps the live value. */
    static BacktestCommand.Overrides fromFields(java.util.function.UnaryOperator<String> field) {
        return new BacktestCommand.Overrides(number(field, "moveSigmas"), number(field, "volumeMultiple"),
                number(field, "volatilityMultiple"), duration(field.apply("cooldown")), number(field, "minMove1m"),
                number(field, "minMove5m"), number(field, "minMove15m"), number(field, "minNotional5m"),
                number(field, "minVolatility10m"));
    }

    private static Double number(java.util.function.UnaryOperator<String> field, String name) {
        String value = field.apply(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Field '" + name + "' must be a number, got " + ApiException.shown(value)
                    + ".");
        }
    }

    /** ISO-8601 ({@code PT10M}) or a number with a unit ({@code 10m}, {@code 90s}, {@code 1h}). */
    private static Duration duration(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("p")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            long amount = Long.parseLong(text.substring(0, text.length() - 1));
            return switch (text.charAt(text.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (RuntimeException e) {
            throw ApiException.badRequest("Field 'cooldown' must be a duration such as 10m or PT10M, got "
                    + ApiException.shown(value) + ".");
        }
    }

    private static void positive(String name, Double value, double max) {
        if (value != null && !(value > 0 && value <= max)) {
            throw ApiException.badRequest("'" + name + "' must be a positive number, got " + value + ".");
        }
    }

    private static void fraction(String name, Double value) {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw ApiException.badRequest("'" + name + "' is a fraction (0.05 = 5 %) between 0 and 1, got " + value
                    + ".");
        }
    }
}
