package com.marketpulse.evaluation.real;

import java.time.Duration;
import java.util.List;

/**
 * The evaluation's injections and alerts through detection-core's matching rule
 * ({@link com.marketpulse.detection.core.quality.Matching}), the one a backtest's report scores by too.
 */
final class Matching {

    private Matching() {
    }

    static Duration delay(Injection injection, List<GridRun.Raised> alerts, Duration grace) {
        return com.marketpulse.detection.core.quality.Matching.delay(label(injection),
                alerts.stream().map(Matching::raised).toList(), grace);
    }

    static boolean overlaps(GridRun.Raised alert, Injection injection, Duration grace) {
        return com.marketpulse.detection.core.quality.Matching.overlaps(raised(alert), label(injection), grace);
    }

    private static com.marketpulse.detection.core.quality.Matching.Label label(Injection injection) {
        return new com.marketpulse.detection.core.quality.Matching.Label(injection.symbol(), injection.expected(),
                injection.onset(), injection.end());
    }

    private static com.marketpulse.detection.core.quality.Matching.Raised raised(GridRun.Raised alert) {
        return new com.marketpulse.detection.core.quality.Matching.Raised(alert.alert().symbol(),
                alert.alert().type(), alert.firstDetected(), alert.alert().endTime());
    }
}
