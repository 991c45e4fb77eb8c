package com.marketpulse.api.backtest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.marketpulse.api.contract.Backtest;
import com.marketpulse.api.contract.BacktestState;
import com.marketpulse.events.BacktestCommand;
import com.marketpulse.events.BacktestProgress;
import com.marketpulse.events.json.EventJson;

import tools.jackson.core.type.TypeReference;

/** {@code api.backtests}: the jobs, owned by api-service. A deleted job keeps its row with {@code deleted_at}. */
@Repository
class BacktestRepository {

    private static final TypeReference<List<BacktestProgress.BadRow>> BAD_ROWS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Long>> MARKS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    BacktestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored job: the view its owner gets, and what the API needs besides. */
    record Job(Backtest view, long ownerId, BacktestCommand.Input input, String uploadFile) {
        String id() {
            return view.id();
        }
    }

    /** Serializes the starts of one account, so two requests at once cannot both pass its limits. */
    void lockOwner(long ownerId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(1414, CAST(:owner AS INTEGER))").param("owner", (int) ownerId)
                .query((rs, n) -> 1).list();
    }

    long activeOf(long ownerId) {
        return jdbc.sql("SELECT count(*) FROM api.backtests WHERE owner_id = :owner AND deleted_at IS NULL "
                        + "AND state IN ('QUEUED', 'RUNNING', 'DRAINING')")
                .param("owner", ownerId).query(Long.class).single();
    }

    long storedBytesOf(long ownerId) {
        return jdbc.sql("SELECT coalesce(sum(stored_bytes), 0) FROM api.backtests WHERE owner_id = :owner "
                        + "AND deleted_at IS NULL")
                .param("owner", ownerId).query(Long.class).single();
    }

    void insert(String id, long ownerId, String name, String input, BacktestCommand.Input command,
                BacktestCommand.Overrides overrides, long storedBytes, String uploadFile, Instant now) {
        jdbc.sql("""
                        INSERT INTO api.backtests (id, owner_id, name, input, command_input, overrides, state, stored_bytes,
                            upload_file, created_at)
                        VALUES (:id, :owner, :name, :input, CAST(:command AS JSONB), CAST(:overrides AS JSONB),
                            'QUEUED', :stored, :file, :now)""")
                .param("id", UUID.fromString(id)).param("owner", ownerId).param("name", name).param("input", input)
                .param("command", json(command)).param("overrides", json(overrides)).param("stored", storedBytes)
                .param("file", uploadFile).param("now", utc(now))
                .update();
    }

    Optional<Job> find(String id, long ownerId) {
        UUID uuid = uuid(id);
        if (uuid == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM api.backtests WHERE id = :id AND owner_id = :owner AND deleted_at IS NULL")
                .param("id", uuid).param("owner", ownerId).query(BacktestRepository::job).optional();
    }

    List<Job> listOf(long ownerId) {
        return jdbc.sql("SELECT * FROM api.backtests WHERE owner_id = :owner AND deleted_at IS NULL "
                        + "ORDER BY created_at DESC, id")
                .param("owner", ownerId).query(BacktestRepository::job).list();
    }

    /**
     * Applies ingestion's report to a job that is still queued or running, unless a later report was applied
     * already. RUNNING keeps it running; PUBLISHED starts the drain; FAILED and CANCELLED finish it.
     *
     * @return whether the job changed
     */
    boolean applyProgress(BacktestProgress p, Instant now) {
        UUID uuid = uuid(p.runId());
        if (uuid == null) {
            return false;
        }
        BacktestState state = switch (p.state()) {
            case RUNNING -> BacktestState.RUNNING;
            case PUBLISHED -> BacktestState.DRAINING;
            case FAILED -> BacktestState.FAILED;
            case CANCELLED -> BacktestState.CANCELLED;
        };
        return jdbc.sql("""
                        UPDATE api.backtests SET state = :state, rows_read = :rowsRead, published = :published,
                            dead_lettered = :deadLettered, bad_rows = :badRows,
                            first_bad_rows = CAST(:firstBadRows AS JSONB), event_time_from = :from,
                            event_time_reached = :reached, rows_per_second = :rate, eta_seconds = :eta,
                            bytes_read = :bytesRead, bytes_total = :bytesTotal, error = :error, progress_at = :at,
                            published_at = CASE WHEN :state = 'DRAINING' THEN :now END,
                            finished_at = CASE WHEN :state IN ('FAILED', 'CANCELLED') THEN :now END,
                            drain_marks = NULL, drain_stage = NULL
                        WHERE id = :id AND deleted_at IS NULL AND state IN ('QUEUED', 'RUNNING')
                          AND (progress_at IS NULL OR progress_at <= :at)""")
                .param("state", state.name()).param("rowsRead", p.rowsRead()).param("published", p.published())
                .param("deadLettered", p.deadLettered()).param("badRows", p.badRows())
                .param("firstBadRows", json(p.firstBadRows()))
                .param("from", utc(p.eventTimeFrom())).param("reached", utc(p.eventTimeReached()))
                .param("rate", Double.isFinite(p.rowsPerSecond()) ? p.rowsPerSecond() : 0)
                .param("eta", state == BacktestState.RUNNING ? p.etaSeconds() : null)
                .param("bytesRead", p.bytesRead()).param("bytesTotal", p.bytesTotal())
                .param("error", p.error()).param("at", utc(p.at() == null ? now : p.at())).param("now", utc(now))
                .param("id", uuid)
                .update() == 1;
    }

    /** A draining job's stage and the offsets its consumer groups must reach (null before the first look). */
    record Draining(String id, Instant publishedAt, Integer stage, Map<String, Long> marks) {
    }

    List<Draining> draining() {
        return jdbc.sql("SELECT id, published_at, drain_stage, drain_marks FROM api.backtests "
                        + "WHERE state = 'DRAINING' AND deleted_at IS NULL")
                .query((rs, n) -> new Draining(rs.getString("id"), instant(rs, "published_at"),
                        (Integer) rs.getObject("drain_stage"), rs.getString("drain_marks") == null ? null
                                : EventJson.mapper().readValue(rs.getString("drain_marks"), MARKS)))
                .list();
    }

    void drainStage(String id, int stage, Map<String, Long> marks) {
        jdbc.sql("UPDATE api.backtests SET drain_stage = :stage, drain_marks = CAST(:marks AS JSONB) "
                        + "WHERE id = :id AND state = 'DRAINING'")
                .param("stage", stage).param("marks", json(marks)).param("id", UUID.fromString(id)).update();
    }

    void finish(String id, BacktestState state, String note, Instant now) {
        jdbc.sql("UPDATE api.backtests SET state = :state, error = coalesce(:note, error), finished_at = :now, "
                        + "eta_seconds = NULL WHERE id = :id AND deleted_at IS NULL "
                        + "AND state IN ('QUEUED', 'RUNNING', 'DRAINING')")
                .param("state", state.name()).param("note", note).param("now", utc(now))
                .param("id", UUID.fromString(id)).update();
    }

    /** Marks the job deleted and frees its quota; its rows in detection's schema are unreachable from now on. */
    void markDeleted(String id, Instant now) {
        jdbc.sql("UPDATE api.backtests SET deleted_at = :now, stored_bytes = 0, "
                        + "finished_at = coalesce(finished_at, :now) WHERE id = :id AND deleted_at IS NULL")
                .param("now", utc(now)).param("id", UUID.fromString(id)).update();
    }

    /** Ids and upload files of finished jobs that finished before {@code cutoff}. */
    /** The user name of the job's owner (the commands name runs' owners by it). */
    String ownerName(Job job) {
        return jdbc.sql("SELECT username FROM api.users WHERE id = ?").param(job.ownerId()).query(String.class)
                .single();
    }

    List<Job> finishedBefore(Instant cutoff) {
        return jdbc.sql("SELECT * FROM api.backtests WHERE deleted_at IS NULL AND finished_at < :cutoff "
                        + "AND state IN ('DONE', 'FAILED', 'CANCELLED')")
                .param("cutoff", utc(cutoff)).query(BacktestRepository::job).list();
    }

    private static Job job(ResultSet rs, int row) throws SQLException {
        Backtest view = new Backtest(rs.getString("id"), rs.getString("name"),
                BacktestState.valueOf(rs.getString("state")), rs.getString("input"),
                EventJson.mapper().readValue(rs.getString("overrides"), BacktestCommand.Overrides.class),
                rs.getLong("rows_read"), rs.getLong("published"), rs.getLong("dead_lettered"), rs.getLong("bad_rows"),
                EventJson.mapper().readValue(rs.getString("first_bad_rows"), BAD_ROWS),
                instant(rs, "event_time_from"), instant(rs, "event_time_reached"), rs.getDouble("rows_per_second"),
                (Long) rs.getObject("eta_seconds"), rs.getLong("bytes_read"), rs.getLong("bytes_total"),
                rs.getLong("stored_bytes"), rs.getString("error"), instant(rs, "created_at"),
                instant(rs, "finished_at"));
        return new Job(view, rs.getLong("owner_id"),
                EventJson.mapper().readValue(rs.getString("command_input"), BacktestCommand.Input.class),
                rs.getString("upload_file"));
    }

    static UUID uuid(String id) {
        try {
            return id == null ? null : UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String json(Object value) {
        return EventJson.mapper().writeValueAsString(value);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
