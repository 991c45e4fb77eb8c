package com.marketpulse.detection.core;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.Direction;

/**
 * A rule's verdict on one grid step that passed both of its tests.
 *
 * @param strength    how far past the weaker of its two tests (unusual, material) it is: at least 1
 * @param materiality what a holder feels, over its minimum: the move (for a volume anomaly, the price move with
 *                    it), or the swings; at least 1
 * @param unusualness the statistic over its threshold: at least 1
 * @param speed       1 for a move within a minute, less for slower ones (0 when speed does not apply)
 * @param explanation what a person reads: the move in percent and money first, then how unusual it is
 */
public record Candidate(AlertType type, Direction direction, double strength, double materiality,
                        double unusualness, double speed, String explanation) {
}
