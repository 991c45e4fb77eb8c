package com.marketpulse.dashboard.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;

import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.events.AlertType;
import com.marketpulse.events.SeverityLevel;


/**
 * What a person narrowed an alert list to: a coin, a type, a lowest severity level and words in the
 * explanation. Null (or blank) means "any".
 */
public record AlertFilter(@Nullable String symbol, @Nullable String type, @Nullable String minimumLevel,
        @Nullable String text) implements Predicate<AlertDto> {

    /** The levels from lowest to highest. */
    public static final List<String> LEVELS = Arrays.stream(SeverityLevel.values()).map(Enum::name).toList();
    /** The alert types the detector raises. */
    public static final List<String> TYPES = Arrays.stream(AlertType.values()).map(Enum::name).toList();

    public static AlertFilter none() {
        return new AlertFilter(null, null, null, null);
    }

    @Override
    public boolean test(AlertDto alert) {
        return (symbol == null || symbol.equals(alert.symbol()))
                && (type == null || alert.type() != null && type.equals(alert.type().name()))
                && (minimumLevel == null || alert.level() != null && rank(alert.level().name()) >= rank(minimumLevel))
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
