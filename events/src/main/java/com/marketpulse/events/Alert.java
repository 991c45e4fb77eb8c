package com.marketpulse.events;

import java.time.Instant;

/**
 * An anomaly episode of one symbol and type. While the episode lasts it is re-published with the same
 * {@code alertId} and updated peak severity and end time.
 *
 * @param alertId      deterministic id (symbol, type, episode start, run), so redelivery never makes a second alert
 * @param severity     0–100
 * @param eventTime    event time of the tick that opened the episode
 * @param endTime      event time of the latest anomalous tick of the episode
 * @param price        price at the peak of the episode
 * @param score        the Isolation Forest anomaly score in [0, 1] at the peak
 * @param modelVersion the detector model that scored it
 * @param explanation  a sentence a person can read: which features were how far from normal
 * @param detectedAt   wall-clock time the alert was first raised
 * @param runId        the backtest run, {@code null} for live alerts
 */
public record Alert(
        String alertId,
        String symbol,
        AlertType type,
        Direction direction,
        int severity,
        SeverityLevel level,
        Instant eventTime,
        Instant endTime,
        double price,
        double score,
        String modelVersion,
        String explanation,
        Instant detectedAt,
        String runId) {
}
