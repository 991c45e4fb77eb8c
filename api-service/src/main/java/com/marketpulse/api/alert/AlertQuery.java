package com.marketpulse.api.alert;

import java.time.Instant;
import java.util.List;

import com.marketpulse.events.AlertType;

/**
 * A validated alert search.
 *
 * @param symbols     only these symbols; empty for all
 * @param types       only these types; empty for all
 * @param minSeverity only alerts at least this severe (0–100)
 * @param from        event time at or after this; {@code null} for no bound
 * @param to          event time before this; {@code null} for no bound
 * @param after       continue after this position; {@code null} for the first page
 * @param limit       page size
 */
record AlertQuery(List<String> symbols, List<AlertType> types, int minSeverity, Instant from, Instant to,
                  AlertCursor after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;

    AlertQuery restrictedTo(List<String> allowed) {
        List<String> narrowed = symbols.isEmpty() ? allowed : symbols.stream().filter(allowed::contains).toList();
        return new AlertQuery(narrowed, types, minSeverity, from, to, after, limit);
    }
}
