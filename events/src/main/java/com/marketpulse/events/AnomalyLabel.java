package com.marketpulse.events;

import java.time.Instant;

/**
 * Ground truth of one anomaly the simulator injected, so detection can be scored against it.
 *
 * @param magnitude the size of the injected effect (jump in σ, volume multiple or volatility multiple)
 */
public record AnomalyLabel(
        String eventId,
        String symbol,
        AlertType kind,
        Instant start,
        Instant end,
        double magnitude,
        String runId) {
}
