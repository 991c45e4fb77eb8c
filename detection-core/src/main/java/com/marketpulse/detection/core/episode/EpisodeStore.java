package com.marketpulse.detection.core.episode;

import com.marketpulse.events.Alert;
import com.marketpulse.events.AlertType;
import java.time.Instant;
import java.util.Optional;

/** Where episodes outlive the process: the alerts already written. */
@FunctionalInterface
public interface EpisodeStore {

    /**
     * The latest stored alert of this symbol, type and run (null = live) whose episode overlaps
     * {@code [from, to]}: it started no later than {@code to} and ended no earlier than {@code from}.
     */
    Optional<Alert> findOverlapping(String symbol, AlertType type, String runId, Instant from, Instant to);

    /** A store that remembers nothing (pure tests, evaluation runs). */
    static EpisodeStore none() {
        return (symbol, type, runId, from, to) -> Optional.empty();
    }
}
