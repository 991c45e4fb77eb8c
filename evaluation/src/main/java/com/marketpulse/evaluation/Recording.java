package com.marketpulse.evaluation;

import java.time.Duration;
import java.util.List;

/**
 * What one simulated stream produced: its labels, its alerts and every finding behind them.
 *
 * @param ticks   ticks of all symbols together
 * @param symbols how many symbols traded
 * @param span    simulated market time
 */
public record Recording(List<Labelled> labels, List<Episode> episodes, List<Detection> detections, long ticks,
                        int symbols, Duration span) {

    public Recording {
        labels = List.copyOf(labels);
        episodes = List.copyOf(episodes);
        detections = List.copyOf(detections);
    }

    /** Symbol-days of market: symbols times the simulated span in days. */
    public double symbolDays() {
        return symbols * (span.toNanos() / 86_400e9);
    }
}
