package com.marketpulse.api.backtest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.alert.AlertRepository;
import com.marketpulse.api.contract.AlertDto;
import com.marketpulse.api.contract.BacktestReport;
import com.marketpulse.api.contract.BarDto;
import com.marketpulse.events.AlertType;

/**
 * A run's results in detection's schema (read-only here): its alerts and chart bars ({@code run_id} = the run) and
 * the labelled events its input carried, in {@code detection.backtest_labels(run_id, symbol, kind, start_time,
 * end_time, magnitude)}, which detection-service adds (read only when it exists).
 */
@Repository
class BacktestResults {

    /** The most alerts one report or download reads (in event-time order): a run with more is cut there. */
    static final int MAX_ALERTS = 50_000;

    private final JdbcClient jdbc;

    BacktestResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether live bars of any of the symbols exist in [from, to): what the archive holds for the range. */
    boolean liveDataIn(List<String> symbols, Instant from, Instant to) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM detection.bars WHERE run_id = '' AND symbol IN (:symbols) "
                        + "AND start_time >= :from AND start_time < :to)")
                .param("symbols", symbols).param("from", BacktestRepository.utc(from))
                .param("to", BacktestRepository.utc(to))
                .query(Boolean.class).single();
    }

    /** The run's alerts in event-time order. */
    List<AlertDto> alerts(String runId) {
        return jdbc.sql("SELECT " + AlertRepository.COLUMNS + " FROM detection.alerts WHERE run_id = :run "
                        + "ORDER BY event_time, alert_id LIMIT :max")
                .param("run", runId).param("max", MAX_ALERTS)
                .query(AlertRepository::row).list();
    }

    record Span(String symbol, Instant first, Instant last) {
    }

    /** Each symbol the run has chart bars of, with its first and last bar's start. */
    List<Span> barSpans(String runId) {
        return jdbc.sql("SELECT symbol, min(start_time) AS first, max(start_time) AS last FROM detection.bars "
                        + "WHERE run_id = :run GROUP BY symbol ORDER BY symbol")
                .param("run", runId)
                .query((rs, n) -> new Span(rs.getString("symbol"), BacktestRepository.instant(rs, "first"),
                        BacktestRepository.instant(rs, "last")))
                .list();
    }

    /** The run's bars of one symbol aggregated to {@code step}, oldest first. */
    List<BarDto> bars(String runId, String symbol, Duration step) {
        return jdbc.sql("""
                        SELECT bucket AS start_time, bucket + CAST(:step AS INTERVAL) AS end_time,
                               (array_agg(open ORDER BY start_time))[1] AS open, max(high) AS high, min(low) AS low,
                               (array_agg(close ORDER BY start_time DESC))[1] AS close,
                               sum(volume) AS volume, sum(trades) AS trades
                        FROM (SELECT date_bin(CAST(:step AS INTERVAL), start_time, TIMESTAMPTZ '2000-01-01 00:00:00Z')
                                         AS bucket, *
                              FROM detection.bars WHERE symbol = :symbol AND run_id = :run) b
                        GROUP BY bucket ORDER BY bucket""")
                .param("step", step.toSeconds() + " seconds").param("symbol", symbol).param("run", runId)
                .query(BacktestResults::bar).list();
    }

    /** The labelled events of the run; none while detection's labels table does not exist. */
    List<BacktestReport.LabelledEvent> labels(String runId) {
        boolean exists = jdbc.sql("SELECT to_regclass('detection.backtest_labels') IS NOT NULL")
                .query(Boolean.class).single();
        if (!exists) {
            return List.of();
        }
        return jdbc.sql("SELECT symbol, kind, start_time, end_time, magnitude FROM detection.backtest_labels "
                        + "WHERE CAST(run_id AS TEXT) = :run ORDER BY start_time, symbol")
                .param("run", runId)
                .query((rs, n) -> new BacktestReport.LabelledEvent(rs.getString("symbol"),
                        AlertType.valueOf(rs.getString("kind")), BacktestRepository.instant(rs, "start_time"),
                        BacktestRepository.instant(rs, "end_time"), rs.getDouble("magnitude"), null))
                .list();
    }

    private static BarDto bar(ResultSet rs, int rowNum) throws SQLException {
        return new BarDto(BacktestRepository.instant(rs, "start_time"), BacktestRepository.instant(rs, "end_time"),
                rs.getDouble("open"), rs.getDouble("high"), rs.getDouble("low"), rs.getDouble("close"),
                rs.getDouble("volume"), rs.getLong("trades"));
    }
}
