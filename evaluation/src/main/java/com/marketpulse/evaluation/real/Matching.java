package com.marketpulse.evaluation.real;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How an injection and alerts are matched. An injection is found by the first alert of its expected type raised
 * between its onset and {@code grace} after its end; the delay is from the onset. An alert is caused by an
 * injection when it is raised or lasts within that window (any type: a crash also bursts volatility).
 */
final class Matching {

    private Matching() {
    }

    static Duration delay(Injection injection, List<GridRun.Raised> alerts, Duration grace) {
        Instant until = injection.end().plus(grace);
        return alerts.stream()
                .filter(a -> a.alert().type() == injection.expected())
                .filter(a -> a.alert().symbol().equals(injection.symbol()))
                .map(GridRun.Raised::firstDetected)
                .filter(t -> !t.isBefore(injection.onset()) && !t.isAfter(until))
                .min(Instant::compareTo)
                .map(t -> Duration.between(injection.onset(), t))
                .orElse(null);
    }

    static boolean overlaps(GridRun.Raised alert, Injection injection, Duration grace) {
        return alert.alert().symbol().equals(injection.symbol())
                && !alert.alert().endTime().isBefore(injection.onset())
                && !alert.firstDetected().isAfter(injection.end().plus(grace));
    }
}
