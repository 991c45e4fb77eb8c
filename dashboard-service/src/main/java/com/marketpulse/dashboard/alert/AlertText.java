package com.marketpulse.dashboard.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.marketpulse.events.Direction;

/** How alert fields read on screen. */
public final class AlertText {

    private AlertText() {
    }

    /** {@code PRICE_SPIKE} → {@code Price spike}. */
    public static String type(String type) {
        if (type.isEmpty()) {
            return type;
        }
        String words = type.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** {@code SeverityLevel.HIGH} → {@code High}; missing → empty. */
    public static String type(@Nullable Enum<?> constant) {
        return constant == null ? "" : type(constant.name());
    }

    /** {@code UP} → {@code ▲ Up}, {@code DOWN} → {@code ▼ Down}; missing → empty. */
    public static String direction(@Nullable Direction direction) {
        if (direction == null) {
            return "";
        }
        return switch (direction) {
            case UP -> "▲ Up";
            case DOWN -> "▼ Down";
        };
    }

    /** A coarse "time ago": {@code just now}, {@code 42 s ago}, {@code 5 min ago}, {@code 3 h ago}, {@code 2 d ago}. */
    public static String ago(Instant then, Instant now) {
        Duration age = Duration.between(then, now);
        if (age.isNegative() || age.toSeconds() < 5) {
            return "just now";
        }
        if (age.toMinutes() < 1) {
            return age.toSeconds() + " s ago";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " d ago";
    }
}
