package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Instant;

/**
 * One finding that reached the episode logic (opened or extended an alert).
 *
 * @param tick index among the symbol's ticks (from 0) of the tick it was found on
 */
public record Detection(String symbol, AlertType type, Instant time, long tick) {
}
