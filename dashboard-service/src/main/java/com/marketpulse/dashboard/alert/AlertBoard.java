package com.marketpulse.dashboard.alert;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.marketpulse.api.contract.AlertDto;


/**
 * The alerts one screen shows: merged from the first page, the live stream and fallback polls without
 * duplicates (an alert re-published for a growing episode replaces its row), newest first, bounded.
 */
public final class AlertBoard {

    static final Comparator<AlertDto> NEWEST_FIRST = Comparator.comparing(AlertDto::eventTime)
            .thenComparing(AlertDto::id)
            .reversed();

    private final int capacity;
    private final Map<String, AlertDto> byId = new HashMap<>();

    public AlertBoard(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Adds or updates alerts; returns those not seen before, newest first. */
    public synchronized List<AlertDto> merge(Collection<AlertDto> alerts) {
        List<AlertDto> fresh = new ArrayList<>();
        for (AlertDto alert : alerts) {
            if (byId.put(alert.id(), alert) == null) {
                fresh.add(alert);
            }
        }
        if (byId.size() > capacity) {
            newestFirstUnbounded().stream().skip(capacity).forEach(old -> byId.remove(old.id()));
        }
        fresh.removeIf(alert -> !byId.containsKey(alert.id()));
        fresh.sort(NEWEST_FIRST);
        return fresh;
    }

    public synchronized List<AlertDto> newestFirst() {
        return List.copyOf(newestFirstUnbounded());
    }

    public synchronized void clear() {
        byId.clear();
    }

    private List<AlertDto> newestFirstUnbounded() {
        List<AlertDto> all = new ArrayList<>(byId.values());
        all.sort(NEWEST_FIRST);
        return all;
    }
}
