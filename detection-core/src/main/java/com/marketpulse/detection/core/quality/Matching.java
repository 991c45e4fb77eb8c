package com.marketpulse.detection.core.quality;

import com.marketpulse.events.AlertType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How labelled events and alerts are matched, the one rule that {@code ./evaluate.sh} and a backtest's report both
 * score by. A label is found by the first alert of its expected type and symbol raised between its onset and
 * {@code grace} after its end; the delay is from the onset. An alert is caused by a label when it is raised or lasts
 * within that window (any type: a crash also bursts volatility).
 */
public final class Matching {

    /** The grace after a labelled event's end within which an alert still counts for it. */
    public static final Duration GRACE = Duration.ofMinutes(5);

    private Matching() {
    }

    /** A labelled event: the type an alert should have, and when it happened. */
    public record Label(String symbol, AlertType expected, Instant onset, Instant end) {
    }

    /** An alert as raised: {@code firstDetected} is the event time it was first raised at, {@code end} its last. */
    public record Raised(String symbol, AlertType type, Instant firstDetected, Instant end) {
    }

    /** The delay from the label's onset to the first alert that finds it, or {@code null} when none does. */
    public static Duration delay(Label label, List<Raised> alerts, Duration grace) {
        Instant until = label.end().plus(grace);
        return alerts.stream()
                .filter(a -> a.type() == label.expected())
                .filter(a -> a.symbol().equals(label.symbol()))
                .map(Raised::firstDetected)
                .filter(t -> !t.isBefore(label.onset()) && !t.isAfter(until))
                .min(Instant::compareTo)
                .map(t -> Duration.between(label.onset(), t))
                .orElse(null);
    }

    /** Whether the alert is raised or still lasts within the label's window (any type). */
    public static boolean overlaps(Raised alert, Label label, Duration grace) {
        return alert.symbol().equals(label.symbol())
                && !alert.end().isBefore(label.onset())
                && !alert.firstDetected().isAfter(label.end().plus(grace));
    }

    /** Whole seconds of the median delay as the evaluation reports it (the upper median), {@code null} if none. */
    public static Long medianSeconds(List<Duration> delays) {
        if (delays.isEmpty()) {
            return null;
        }
        List<Long> sorted = delays.stream().map(Duration::toSeconds).sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
