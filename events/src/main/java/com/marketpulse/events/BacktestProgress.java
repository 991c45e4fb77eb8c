package com.marketpulse.events;

import java.time.Instant;
import java.util.List;

/**
 * Where one run's replay stands, from ingestion-service on {@link Topics#BACKTEST_PROGRESS} keyed by run id: about
 * once a second while it runs, and once when it ends. Counts are of rows read from the input and of records Kafka
 * acknowledged, so every row is accounted for: {@code rowsRead = published + deadLettered + badRows} at the end.
 *
 * @param state            where the replay is; {@code PUBLISHED} means every row is in Kafka (the pipeline may still
 *                         be working through them)
 * @param rowsRead         input rows read so far
 * @param published        records acknowledged by Kafka on the replay topics
 * @param deadLettered     records rejected at the edge or refused by the broker (on {@code <topic>.DLT})
 * @param badRows          rows that could not be read, each with its line number
 * @param firstBadRows     the first bad rows (at most 100)
 * @param eventTimeFrom    the first event time replayed
 * @param eventTimeReached the latest event time replayed so far
 * @param rowsPerSecond    the recent replay rate
 * @param etaSeconds       estimated seconds left ({@code null} when unknown)
 * @param bytesRead        input bytes read so far (of {@code bytesTotal}; both 0 for an archive range)
 * @param error            why it failed ({@code null} unless {@code FAILED})
 * @param at               when this was reported
 */
public record BacktestProgress(String runId, State state, long rowsRead, long published, long deadLettered,
                               long badRows, List<BadRow> firstBadRows, Instant eventTimeFrom,
                               Instant eventTimeReached, double rowsPerSecond, Long etaSeconds, long bytesRead,
                               long bytesTotal, String error, Instant at) {

    public enum State {
        RUNNING, PUBLISHED, FAILED, CANCELLED;

        public boolean finished() {
            return this != RUNNING;
        }
    }

    /** A row that could not be replayed. */
    public record BadRow(long line, String reason) {
    }

    public BacktestProgress {
        firstBadRows = firstBadRows == null ? List.of() : List.copyOf(firstBadRows);
    }
}
