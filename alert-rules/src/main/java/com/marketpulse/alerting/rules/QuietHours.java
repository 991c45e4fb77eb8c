package com.marketpulse.alerting.rules;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily span of local time in which nothing is sent, e.g. 22:00–07:00 (over midnight) or 12:00–13:00. The start
 * belongs to the span, the end does not. A span whose start equals its end is no quiet time at all ({@link #NONE}),
 * so an override can switch off the defaults' quiet hours.
 */
public record QuietHours(LocalTime from, LocalTime to) {

    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(from, "quiet hours need a start");
        Objects.requireNonNull(to, "quiet hours need an end");
    }

    public boolean isNone() {
        return from.equals(to);
    }

    /** Whether {@code instant} falls in quiet time in {@code zone}. */
    public boolean covers(Instant instant, ZoneId zone) {
        if (isNone()) {
            return false;
        }
        LocalTime t = instant.atZone(zone).toLocalTime();
        return from.isBefore(to)
                ? !t.isBefore(from) && t.isBefore(to)
                : !t.isBefore(from) || t.isBefore(to);
    }

    /**
     * When the quiet time covering {@code instant} ends: the next {@code to} on the local clock (a {@code to} that a
     * daylight-saving gap skips is the first instant after the gap).
     */
    public Instant endAfter(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        ZonedDateTime end = local.toLocalDate().atTime(to).atZone(zone);
        if (!end.isAfter(local)) {
            end = local.toLocalDate().plusDays(1).atTime(to).atZone(zone);
        }
        return end.toInstant();
    }
}
