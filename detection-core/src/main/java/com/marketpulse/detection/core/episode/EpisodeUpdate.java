package com.marketpulse.detection.core.episode;

import com.marketpulse.events.Alert;

/**
 * The state of an episode after one finding.
 *
 * @param alert   the episode as an alert: start, latest end, peak severity with the price, score and explanation
 *                at the peak
 * @param changed whether it must be written and published: a new episode, a change, or an episode recovered from
 *                the store (its publication may have been lost in a crash); {@code false} for a redelivered finding
 *                that changes nothing
 */
public record EpisodeUpdate(Alert alert, boolean changed) {
}
