package com.marketpulse.detection.backtest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Whether a run was cancelled (or deleted), for the stores of its bars and labels: read from
 * {@code detection.backtest_runs} at most once a second per run (a CANCEL stored by another instance) and at once
 * after this instance stored a command of the run, so a month of bars costs a handful of queries, not one each.
 * A run unknown here (no START stored, e.g. a replay started without the API) is not cancelled.
 */
@Component
public class RunCancellations {

    static final Duration RECHECK = Duration.ofSeconds(1);
    /** Entries of runs not looked up for this long are dropped once many runs are known (no unbounded map). */
    private static final Duration FORGET = Duration.ofMinutes(10);

    private record Known(boolean cancelled, Instant checkedAt) {
    }

    private final BacktestRuns runs;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    RunCancellations(BacktestRuns runs, Clock clock) {
        this.runs = runs;
        this.clock = clock;
        runs.onChange(known::remove);
    }

    public boolean cancelled(String runId) {
        Instant now = clock.instant();
        Known entry = known.get(runId);
        if (entry == null || Duration.between(entry.checkedAt(), now).compareTo(RECHECK) > 0) {
            if (known.size() > 1_000) {
                known.values().removeIf(k -> Duration.between(k.checkedAt(), now).compareTo(FORGET) > 0);
            }
            entry = new Known(runs.find(runId).map(BacktestRun::cancelled).orElse(false), now);
            known.put(runId, entry);
        }
        return entry.cancelled();
    }
}
