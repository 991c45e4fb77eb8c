package com.marketpulse.evaluation;

import com.marketpulse.events.AlertType;
import java.time.Instant;

/** One alert as it stood at the end of a run: its episode from the first to the latest finding. */
public record Episode(String alertId, String symbol, AlertType type, Instant start, Instant end) {

    /** Whether the episode shares at least one instant with {@code [from, to]}. */
    boolean overlaps(Instant from, Instant to) {
        return !start.isAfter(to) && !end.isBefore(from);
    }
}
