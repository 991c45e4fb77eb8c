package com.marketpulse.ingestion.replay;

import com.marketpulse.events.AlertType;
import com.marketpulse.events.AnomalyLabel;
import com.marketpulse.events.Tick;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-row labels into ground-truth episodes: consecutive trades of a symbol carrying the same label form
 * one {@link AnomalyLabel} from the first to the last of them. The magnitude is unknown in a file (0).
 */
final class LabelEpisodes {

    private record Open(AlertType kind, Instant start, Instant last) {
    }

    private final String fileName;
    private final Map<String, Open> open = new LinkedHashMap<>();
    private long count;

    LabelEpisodes(String fileName) {
        this.fileName = fileName;
    }

    /** The episodes this trade closes (at most one). */
    List<AnomalyLabel> accept(Tick tick, AlertType label) {
        List<AnomalyLabel> closed = new ArrayList<>(1);
        Open current = open.get(tick.symbol());
        if (current != null && current.kind() != label) {
            closed.add(close(tick.symbol(), open.remove(tick.symbol())));
            current = null;
        }
        if (label != null) {
            open.put(tick.symbol(), current == null ? new Open(label, tick.eventTime(), tick.eventTime())
                    : new Open(label, current.start(), tick.eventTime()));
        }
        return closed;
    }

    /** The episodes still open at the end of the file. */
    List<AnomalyLabel> finish() {
        List<AnomalyLabel> closed = new ArrayList<>();
        open.forEach((symbol, episode) -> closed.add(close(symbol, episode)));
        open.clear();
        return closed;
    }

    private AnomalyLabel close(String symbol, Open episode) {
        count++;
        return new AnomalyLabel(TradeFields.SOURCE + ":label:" + fileName + ":" + count, symbol, episode.kind(),
                episode.start(), episode.last(), 0.0, null);
    }
}
