package com.marketpulse.evaluation.real;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one month showed: the alerts of the real month as it was, and how labelled injections into it were found.
 *
 * @param quiet     the alerts of the month without injections
 * @param labels    each injection and the delay it was found with (null: missed)
 * @param caused    alerts of the injected run that overlap an injection (any type)
 * @param unmatched alerts of the injected run that match neither an injection nor an alert of the real month
 */
record MonthResult(Month month, Instant judgedFrom, List<GridRun.Raised> quiet, int material,
                   List<Found> labels, int caused, int unmatched) {

    record Found(Injection injection, Duration delay) {
        boolean found() {
            return delay != null;
        }
    }

    /** Days judged: the month after the detector's warm-up. */
    double days() {
        return Duration.between(judgedFrom, month.end()).toMinutes() / 1440.0;
    }

    /** Alerts per whole UTC day of the judged part of the month, days without alerts included. */
    List<Integer> perDay() {
        Map<LocalDate, Integer> counts = new TreeMap<>();
        LocalDate first = LocalDate.ofInstant(judgedFrom, ZoneOffset.UTC).plusDays(1);
        LocalDate last = LocalDate.ofInstant(month.end().minusSeconds(1), ZoneOffset.UTC);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            counts.put(d, 0);
        }
        for (GridRun.Raised raised : quiet) {
            counts.computeIfPresent(LocalDate.ofInstant(raised.firstDetected(), ZoneOffset.UTC), (d, n) -> n + 1);
        }
        return new ArrayList<>(counts.values());
    }

    Map<AlertType, Integer> quietByType() {
        Map<AlertType, Integer> byType = new EnumMap<>(AlertType.class);
        for (AlertType type : AlertType.values()) {
            byType.put(type, 0);
        }
        quiet.forEach(r -> byType.merge(r.alert().type(), 1, Integer::sum));
        return byType;
    }

    double precision() {
        return caused + unmatched > 0 ? (double) caused / (caused + unmatched) : Double.NaN;
    }
}
