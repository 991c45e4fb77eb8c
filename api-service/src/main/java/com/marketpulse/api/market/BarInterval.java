package com.marketpulse.api.market;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The chart intervals offered: multiples of the stored one-minute bars. */
enum BarInterval {
    M1("1m", Duration.ofMinutes(1)),
    M5("5m", Duration.ofMinutes(5)),
    M15("15m", Duration.ofMinutes(15)),
    H1("1h", Duration.ofHours(1)),
    H4("4h", Duration.ofHours(4)),
    D1("1d", Duration.ofDays(1));

    private final String label;
    private final Duration length;

    BarInterval(String label, Duration length) {
        this.label = label;
        this.length = length;
    }

    String label() {
        return label;
    }

    Duration length() {
        return length;
    }

    static List<String> labels() {
        return Arrays.stream(values()).map(BarInterval::label).toList();
    }

    static BarInterval parse(String text) {
        for (BarInterval interval : values()) {
            if (interval.label.equalsIgnoreCase(text.trim())) {
                return interval;
            }
        }
        throw new IllegalArgumentException(text);
    }
}
