package com.marketpulse.dashboard.alert;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import com.marketpulse.dashboard.api.AlertDto;

/**
 * What a person narrowed an alert list to: a coin, a type, a lowest severity level and words in the
 * explanation. Null (or blank) means "any".
 */
public record AlertFilter(@Nullable String symbol, @Nullable String type, @Nullable String minimumLevel,
        @Nullable String text) implements Predicate<AlertDto> {

    /** The levels from lowest to highest. */
    public static final List<String> LEVELS = List.of("LOW", "MEDIUM", "HIGH", "CRITICAL");
    /** The alert types the detector raises. */
    public static final List<String> TYPES = List.of("PRICE_SPIKE", "VOLUME_ANOMALY", "VOLATILITY_BURST");

    public static AlertFilter none() {
        return new AlertFilter(null, null, null, null);
    }

    @Override
    public boolean test(AlertDto alert) {
        return (symbol == null || symbol.equals(alert.symbol()))
                && (type == null || type.equals(alert.type()))
                && (minimumLevel == null || rank(alert.level()) >= rank(minimumLevel))
                && (text == null || text.isBlank() || contains(alert.explanation(), text));
    }

    public List<AlertDto> apply(List<AlertDto> alerts) {
        return alerts.stream().filter(this).toList();
    }

    private static int rank(@Nullable String level) {
        return level == null ? -1 : LEVELS.indexOf(level);
    }

    private static boolean contains(@Nullable String explanation, String words) {
        return explanation != null
                && explanation.toLowerCase(Locale.ROOT).contains(words.trim().toLowerCase(Locale.ROOT));
    }
}
