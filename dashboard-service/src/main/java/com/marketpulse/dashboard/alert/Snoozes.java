package com.marketpulse.dashboard.alert;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.marketpulse.api.contract.Snooze;

/**
 * The user's snoozed coins as the page last read them from the API. A snooze counts until its time passes, so a page
 * that has not asked again for a while never shows an ended one.
 */
public record Snoozes(Map<String, Instant> until) {

    public static final Snoozes NONE = new Snoozes(Map.of());

    /** The times an alert row offers, in minutes as the API takes them. */
    public enum Choice {
        HOUR(60, "1 hour"), FOUR_HOURS(4 * 60, "4 hours"), DAY(24 * 60, "24 hours"), WEEK(7 * 24 * 60, "7 days");

        private final int minutes;
        private final String label;

        Choice(int minutes, String label) {
            this.minutes = minutes;
            this.label = label;
        }

        public int minutes() {
            return minutes;
        }

        public String label() {
            return label;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm",
            Locale.ENGLISH);

    public Snoozes {
        until = Map.copyOf(until);
    }

    public static Snoozes of(List<Snooze> snoozes) {
        Map<String, Instant> until = new HashMap<>();
        snoozes.forEach(snooze -> until.put(snooze.symbol(), snooze.until()));
        return new Snoozes(until);
    }

    /** With the API's answer to a snooze: a new end, or (0 minutes, an end not after now) the coin unsnoozed. */
    public Snoozes with(Snooze answer, Instant now) {
        Map<String, Instant> changed = new HashMap<>(until);
        if (answer.until().isAfter(now)) {
            changed.put(answer.symbol(), answer.until());
        } else {
            changed.remove(answer.symbol());
        }
        return new Snoozes(changed);
    }

    /** When the coin's snooze ends, if it is snoozed at {@code now}. */
    public Optional<Instant> of(String symbol, Instant now) {
        return Optional.ofNullable(until.get(symbol)).filter(end -> end.isAfter(now));
    }

    /** "Snoozed until 14:05" the same day in the reader's zone, "Snoozed until Sat 6 Dec 14:05" on another. */
    public static String untilText(Instant end, Instant now, ZoneId zone) {
        ZonedDateTime local = end.atZone(zone);
        boolean today = local.toLocalDate().equals(now.atZone(zone).toLocalDate());
        return "Snoozed until " + (today ? TIME : DAY_AND_TIME).format(local);
    }
}
