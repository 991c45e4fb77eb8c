package com.marketpulse.detection.backtest;

import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestCommand.Overrides;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code detection.backtest_runs}: what each run asked of the detector and whether it was cancelled. The table, not
 * this process, is the truth: with several instances only one reads a run's command, while any may score its
 * features. Writes are idempotent (a redelivered command changes nothing); the first START of a run wins.
 */
@Repository
public class BacktestRuns {

    private static final String START = """
            INSERT INTO detection.backtest_runs (run_id, owner, move_sigmas, volume_multiple, volatility_multiple,
                cooldown_seconds, min_move_1m, min_move_5m, min_move_15m, min_notional_5m, min_volatility_10m,
                requested_at)
            VALUES (:runId, :owner, :moveSigmas, :volumeMultiple, :volatilityMultiple, :cooldown, :minMove1m,
                    :minMove5m, :minMove15m, :minNotional5m, :minVolatility10m, :requestedAt)
            ON CONFLICT (run_id) DO UPDATE SET
                owner = EXCLUDED.owner, move_sigmas = EXCLUDED.move_sigmas, volume_multiple = EXCLUDED.volume_multiple,
                volatility_multiple = EXCLUDED.volatility_multiple, cooldown_seconds = EXCLUDED.cooldown_seconds,
                min_move_1m = EXCLUDED.min_move_1m, min_move_5m = EXCLUDED.min_move_5m,
                min_move_15m = EXCLUDED.min_move_15m, min_notional_5m = EXCLUDED.min_notional_5m,
                min_volatility_10m = EXCLUDED.min_volatility_10m, requested_at = EXCLUDED.requested_at
            WHERE backtest_runs.requested_at IS NULL
            """;

    private static final String CANCEL = """
            INSERT INTO detection.backtest_runs (run_id, owner, cancelled_at) VALUES (:runId, :owner, :cancelledAt)
            ON CONFLICT (run_id) DO UPDATE SET cancelled_at = EXCLUDED.cancelled_at
            WHERE backtest_runs.cancelled_at IS NULL
            """;

    private final JdbcClient jdbc;
    private final List<Consumer<String>> changes = new CopyOnWriteArrayList<>();

    BacktestRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Tells {@code subscriber} the run id of every START or CANCEL this process stores, right after it is stored. */
    public void onChange(Consumer<String> subscriber) {
        changes.add(subscriber);
    }

    public Optional<BacktestRun> find(String runId) {
        return jdbc.sql("SELECT * FROM detection.backtest_runs WHERE run_id = ?").param(runId)
                .query(BacktestRuns::run).optional();
    }

    void start(BacktestCommand command) {
        Overrides o = command.overrides() == null ? Overrides.NONE : command.overrides();
        jdbc.sql(START)
                .param("runId", command.runId())
                .param("owner", command.owner())
                .param("moveSigmas", o.moveSigmas(), Types.DOUBLE)
                .param("volumeMultiple", o.volumeMultiple(), Types.DOUBLE)
                .param("volatilityMultiple", o.volatilityMultiple(), Types.DOUBLE)
                .param("cooldown", o.cooldown() == null ? null : o.cooldown().toSeconds(), Types.BIGINT)
                .param("minMove1m", o.minMove1m(), Types.DOUBLE)
                .param("minMove5m", o.minMove5m(), Types.DOUBLE)
                .param("minMove15m", o.minMove15m(), Types.DOUBLE)
                .param("minNotional5m", o.minNotional5m(), Types.DOUBLE)
                .param("minVolatility10m", o.minVolatility10m(), Types.DOUBLE)
                .param("requestedAt", utc(command.requestedAt()))
                .update();
        changes.forEach(subscriber -> subscriber.accept(command.runId()));
    }

    void cancel(BacktestCommand command) {
        jdbc.sql(CANCEL)
                .param("runId", command.runId())
                .param("owner", command.owner())
                .param("cancelledAt", utc(command.requestedAt()))
                .update();
        changes.forEach(subscriber -> subscriber.accept(command.runId()));
    }

    /** Deletes the run's alerts, bars and labels; the number of rows deleted. */
    @Transactional
    public int deleteResults(String runId) {
        int rows = 0;
        for (String table : new String[] {"alerts", "bars", "backtest_labels"}) {
            rows += jdbc.sql("DELETE FROM detection." + table + " WHERE run_id = ?").param(runId).update();
        }
        return rows;
    }

    private static BacktestRun run(ResultSet rs, int row) throws SQLException {
        Long cooldown = rs.getObject("cooldown_seconds", Long.class);
        var overrides = new Overrides(number(rs, "move_sigmas"), number(rs, "volume_multiple"),
                number(rs, "volatility_multiple"), cooldown == null ? null : Duration.ofSeconds(cooldown),
                number(rs, "min_move_1m"), number(rs, "min_move_5m"), number(rs, "min_move_15m"),
                number(rs, "min_notional_5m"), number(rs, "min_volatility_10m"));
        return new BacktestRun(rs.getString("run_id"), rs.getString("owner"), overrides,
                instant(rs, "requested_at"), instant(rs, "cancelled_at"));
    }

    private static Double number(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Double.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime time = rs.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
