package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Instant;

/**
 * An injected anomaly (the simulator's ground truth).
 *
 * @param startTick index among the symbol's ticks (from 0) of the first tick the anomaly affects
 */
public record Labelled(String symbol, AlertType type, Instant start, Instant end, long startTick) {
}
