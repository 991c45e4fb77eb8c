package com.marketpulse.detection.core.episode;

import com.marketpulse.events.AlertType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The deterministic alert id: a name-based (version 3) UUID of {@code symbol|type|episode start|run id}, where
 * the start is the ISO-8601 event time of the vector that opened the episode (nanoseconds kept) and the run id is
 * empty for live data. The same episode always gets the same id, so a redelivered vector updates the row it made
 * instead of adding one.
 */
public final class AlertIds {

    private AlertIds() {
    }

    public static String of(String symbol, AlertType type, Instant episodeStart, String runId) {
        String name = symbol + "|" + type + "|" + episodeStart + "|" + (runId == null ? "" : runId);
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
