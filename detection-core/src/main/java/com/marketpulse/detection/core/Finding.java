package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;
import com.marketpulse.events.MarketFeatures;
import com.marketpulse.events.SeverityLevel;

/**
 * One anomalous reading of one grid step: what kind, which way, how bad and why.
 *
 * @param severity     0–100
 * @param score        the forest's anomaly score in (0, 1]
 * @param modelVersion the model that scored it
 */
public record Finding(AlertType type, Direction direction, int severity, double score, String modelVersion,
                      String explanation, MarketFeatures vector) {

    public SeverityLevel level() {
        return SeverityLevel.of(severity);
    }
}
