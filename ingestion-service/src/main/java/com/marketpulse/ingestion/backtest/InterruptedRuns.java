package com.marketpulse.ingestion.backtest;

import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.Topics;
import com.marketpulse.events.json.EventJson;
import com.marketpulse.ingestion.publish.TopicTail;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The runs an earlier instance of this service left unfinished: their last report on {@code backtest.progress}
 * (within the look-back) says RUNNING and no end ever followed. A run cannot be resumed — part of its input is
 * already on the replay topics and would be published twice — so it is reported FAILED, to be started again.
 */
final class InterruptedRuns {

    static final String REASON = "interrupted: ingestion-service stopped while this run was replaying or waiting"
            + " its turn; start it again";

    private final TopicTail tail;

    InterruptedRuns(TopicTail tail) {
        this.tail = tail;
    }

    /** The last reports of runs still RUNNING, as reported since {@code since}. */
    List<BacktestProgress> find(Instant since) {
        Map<String, BacktestProgress> latest = new LinkedHashMap<>();
        tail.read(Topics.BACKTEST_PROGRESS, since, 0, value -> {
            try {
                BacktestProgress progress = EventJson.mapper().readValue(value, BacktestProgress.class);
                if (progress.runId() != null && progress.state() != null) {
                    latest.put(progress.runId(), progress);
                }
            } catch (RuntimeException e) {
                // not a report of ours: nothing to finish
            }
        });
        return latest.values().stream().filter(p -> p.state() == BacktestProgress.State.RUNNING).toList();
    }

    /** The report that ends an interrupted run: its last counts, FAILED, with the reason. */
    static BacktestProgress failed(BacktestProgress last, Instant now) {
        return new BacktestProgress(last.runId(), BacktestProgress.State.FAILED, last.rowsRead(), last.published(),
                last.deadLettered(), last.badRows(), last.firstBadRows(), last.eventTimeFrom(),
                last.eventTimeReached(), 0, null, last.bytesRead(), last.bytesTotal(), REASON, now);
    }
}
