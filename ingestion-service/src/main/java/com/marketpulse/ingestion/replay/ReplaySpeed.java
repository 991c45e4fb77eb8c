package com.marketpulse.ingestion.replay;

import java.time.Duration;
import java.util.Locale;

/**
 * How fast a file is replayed: {@code 1} at the pace the trades happened, {@code N} N times faster (e.g. {@code 10}
 * or {@code 0.5}), {@code max} as fast as Kafka takes them.
 */
public record ReplaySpeed(double factor) {

    public static final ReplaySpeed MAX = new ReplaySpeed(Double.POSITIVE_INFINITY);

    public ReplaySpeed {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("replay speed must be positive: " + factor);
        }
    }

    /** Parses {@code MARKETPULSE_REPLAY_SPEED}: {@code 1}, {@code 10}, {@code 10x}, {@code 0.5} or {@code max}. */
    public static ReplaySpeed parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.isEmpty()) {
            return new ReplaySpeed(1);
        }
        if (value.equals("max")) {
            return MAX;
        }
        double factor;
        try {
            factor = Double.parseDouble(value.endsWith("x") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            factor = Double.NaN;
        }
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("MARKETPULSE_REPLAY_SPEED must be 1, a positive speed-up factor such as"
                    + " 10, or max; not '" + text + "'");
        }
        return new ReplaySpeed(factor);
    }

    public boolean unpaced() {
        return Double.isInfinite(factor);
    }

    /** The wall-clock time that {@code eventTimeElapsed} of market time takes at this speed. */
    Duration wallTime(Duration eventTimeElapsed) {
        if (unpaced() || eventTimeElapsed.isNegative()) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(Math.round(eventTimeElapsed.toNanos() / factor));
    }

    @Override
    public String toString() {
        return unpaced() ? "max" : factor + "x";
    }
}
